package ponte.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;
import ponte.delivery.DeliverySettings;
import ponte.kafka.KafkaSettings;

/** Options shared by every command that starts a node, read together with the environment and the configuration file. */
class NodeOptions {
    /** What a starting node is told: everything it reads from outside, read once. */
    record Startup(Settings settings, DeliverySettings delivery, AdminKey admin) {}

    @Option(names = "--config", description = "a properties file of settings (env PONTE_CONFIG; default ./ponte.properties when present)")
    Path config;

    @Option(names = "--port", description = "HTTP port, 0 picks a free one (env PONTE_PORT, key port; default 8080)")
    String port;

    @Option(names = "--host", description = "address to listen on (env PONTE_HOST, key host; default 127.0.0.1)")
    String host;

    @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (env PONTE_DB_URL); default: embedded H2 in the data dir")
    String db;

    @Option(names = "--allow-private-endpoints", description = "let webhook endpoints and ingest sources be loopback, private or "
            + "link-local addresses (env PONTE_ALLOW_PRIVATE_ENDPOINTS=true); off by default: the SSRF guard refuses them")
    boolean allowPrivateEndpoints;

    @Option(names = "--rate-limit", description = "requests per API key, e.g. 100/s or 100/s,burst=1000, or off (env PONTE_RATE_LIMIT, "
            + "key rate-limit; default 500/s,burst=5000)")
    String rateLimit;

    @Option(names = "--address-rate-limit", description = "requests per client address without a valid key, same form (env "
            + "PONTE_ADDRESS_RATE_LIMIT, key rate-limit.address; default 50/s,burst=500)")
    String addressRateLimit;

    @Option(names = "--idempotency-retention", description = "how long an Idempotency-Key is remembered, ISO 8601 (env "
            + "PONTE_IDEMPOTENCY_RETENTION, key idempotency.retention; default PT24H)")
    String idempotencyRetention;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (env PONTE_KAFKA_BOOTSTRAP): relay the content log through Kafka; needs --db PostgreSQL")
    String kafka;

    /**
     * @param dataDirOption   the command's --data-dir, or null
     * @param forceAllowPrivate whether the command lets outbound requests reach private addresses whatever the settings
     */
    Startup read(Path dataDirOption, String defaultDataDir, boolean forceAllowPrivate) {
        return read(Configuration.load(Optional.ofNullable(config)), dataDirOption, defaultDataDir, forceAllowPrivate);
    }

    Startup read(Configuration c, Path dataDirOption, String defaultDataDir, boolean forceAllowPrivate) {
        AdminKey admin = AdminKey.from(c);
        int portNumber;
        try {
            portNumber = Integer.parseInt(c.get(port, "PONTE_PORT", "port").orElse("8080"));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "port must be a number");
        }
        Path dataDir = Path.of(c.get(dataDirOption == null ? null : dataDirOption.toString(), "PONTE_DATA_DIR", "data-dir").orElse(defaultDataDir));
        Settings settings = new Settings(c.get(host, "PONTE_HOST", "host").orElse("127.0.0.1"), portNumber, dataDir,
                c.get(db, "PONTE_DB_URL", "db.url"), admin.secret(), c.get(kafka, "PONTE_KAFKA_BOOTSTRAP", "kafka.bootstrap"),
                c.get(null, "PONTE_KAFKA_TOPIC", "kafka.topic").orElse(KafkaSettings.DEFAULT_TOPIC), DatabaseLogin.from(c), api(c));
        boolean allowPrivate = forceAllowPrivate || allowPrivateEndpoints
                || "true".equalsIgnoreCase(c.environment("PONTE_ALLOW_PRIVATE_ENDPOINTS").orElse("").strip());
        return new Startup(settings, DeliverySettings.defaults().allowingPrivate(allowPrivate), admin);
    }

    private ApiSettings api(Configuration c) {
        try {
            Duration retention = c.get(idempotencyRetention, "PONTE_IDEMPOTENCY_RETENTION", "idempotency.retention").map(NodeOptions::duration)
                    .orElse(ApiSettings.DEFAULT_IDEMPOTENCY_RETENTION);
            return new ApiSettings(rate(c.get(rateLimit, "PONTE_RATE_LIMIT", "rate-limit"), ApiSettings.DEFAULT_PER_KEY),
                    rate(c.get(addressRateLimit, "PONTE_ADDRESS_RATE_LIMIT", "rate-limit.address"), ApiSettings.DEFAULT_PER_ADDRESS), retention);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private static Duration duration(String written) {
        try {
            return Duration.parse(written);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the idempotency retention is an ISO 8601 duration such as PT24H or P2D, not '" + written + "'");
        }
    }

    private static Optional<RateLimit> rate(Optional<String> written, RateLimit fallback) {
        if (written.isEmpty()) {
            return Optional.of(fallback);
        }
        return "off".equalsIgnoreCase(written.get()) ? Optional.empty() : Optional.of(RateLimit.parse(written.get()));
    }
}
