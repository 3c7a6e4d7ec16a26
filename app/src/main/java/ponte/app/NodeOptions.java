package ponte.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import ponte.api.ClientAddresses;
import ponte.core.delivery.Retention;
import picocli.CommandLine.Option;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;
import ponte.delivery.DeliverySettings;
import ponte.kafka.KafkaSettings;

/** Options shared by every command that starts a node, read together with the environment and the configuration file. */
class NodeOptions {
    /** What a starting node is told: everything it reads from outside, read once. */
    /** @param operatorUser the operator's web UI account to make (or reset to the admin key) at start, if any */
    record Startup(Settings settings, DeliverySettings delivery, AdminKey admin, Optional<String> operatorUser) {}

    @Option(names = "--config", description = "a properties file of settings (env PONTE_CONFIG; default ./ponte.properties when present)")
    Path config;

    @Option(names = "--port", description = "HTTP port, 0 picks a free one (env PONTE_PORT, key port; default 8080)")
    String port;

    @Option(names = "--host", description = "address to listen on (env PONTE_HOST, key host; default 127.0.0.1)")
    String host;

    @Option(names = "--management-port", description = "port of /metrics, /health and /ready for operators, never served on --port "
            + "(env PONTE_MANAGEMENT_PORT, key management.port; default 8081, or a free one when --port is 0)")
    String managementPort;

    @Option(names = "--management-host", description = "address the management port listens on (env PONTE_MANAGEMENT_HOST, "
            + "key management.host; default 127.0.0.1: only this machine)")
    String managementHost;

    @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (env PONTE_DB_URL); default: embedded H2 in the data dir")
    String db;

    @Option(names = "--allow-private-endpoints", description = "let webhook endpoints and ingest sources be loopback or private "
            + "addresses (env PONTE_ALLOW_PRIVATE_ENDPOINTS=true); off by default: the SSRF guard refuses them. Cloud metadata, "
            + "link-local, multicast and unspecified addresses are refused whatever this says")
    boolean allowPrivateEndpoints;

    @Option(names = "--trusted-proxy", split = ",", description = "an address or CIDR block of a proxy in front of the node, whose "
            + "X-Forwarded-For then names the client in the audit trail; repeat or separate with commas (env PONTE_TRUSTED_PROXIES, "
            + "key trusted-proxies); none by default: the connection's peer is the client")
    List<String> trustedProxies;

    @Option(names = "--delivery-retention", description = "how long delivery attempts and dead letters are kept, an ISO 8601 duration "
            + "of at least a day (env PONTE_DELIVERY_RETENTION, key delivery.retention; default P30D); the log and reach facts are kept for good")
    String deliveryRetention;

    @Option(names = "--rate-limit", description = "requests per API key, e.g. 100/s or 100/s,burst=1000, or off (env PONTE_RATE_LIMIT, "
            + "key rate-limit; default 500/s,burst=5000)")
    String rateLimit;

    @Option(names = "--address-rate-limit", description = "requests per client address without a valid key, same form (env "
            + "PONTE_ADDRESS_RATE_LIMIT, key rate-limit.address; default 50/s,burst=500)")
    String addressRateLimit;

    @Option(names = "--idempotency-retention", description = "how long an Idempotency-Key is remembered, ISO 8601 (env "
            + "PONTE_IDEMPOTENCY_RETENTION, key idempotency.retention; default PT24H)")
    String idempotencyRetention;

    @Option(names = "--mt-url", description = "a LibreTranslate-compatible server that makes machine translations (env PONTE_MT_URL, "
            + "key mt.url); default: Apertium, when installed")
    String mtUrl;

    @Option(names = "--mt-key", description = "the API key of --mt-url (env PONTE_MT_KEY, key mt.key)")
    String mtKey;

    @Option(names = "--smtp-url", description = "an SMTP server invitation and password-reset links are also emailed through, "
            + "smtp://[user:password@]host[:port]?from=ponte@example.org or smtps://… (env PONTE_SMTP_URL, key smtp.url); without it links are only shown")
    String smtpUrl;

    @Option(names = "--operator-user", description = "a web UI account for the operator, made at start (or its password reset) with the "
            + "admin key as its password: it registers organisations and invites their first admin (env PONTE_OPERATOR_USER, key operator.user)")
    String operatorUser;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (env PONTE_KAFKA_BOOTSTRAP): relay the content log through Kafka; needs --db PostgreSQL")
    String kafka;

    /**
     * @param dataDirOption   the command's --data-dir, or null
     * @param forceAllowPrivate whether the command lets outbound requests reach private addresses whatever the settings
     */
    Startup read(Path dataDirOption, String defaultDataDir, boolean forceAllowPrivate) {
        return read(Configuration.load(Optional.ofNullable(config)), dataDirOption, defaultDataDir, forceAllowPrivate);
    }

    private Duration retention(Optional<String> setting) {
        if (setting.isEmpty()) {
            return Retention.DEFAULT;
        }
        try {
            Duration keep = Duration.parse(setting.get().toUpperCase(java.util.Locale.ROOT));
            if (keep.compareTo(Duration.ofDays(1)) >= 0) {
                return keep;
            }
        } catch (DateTimeParseException e) {
            // refused below, with the same words
        }
        throw new CommandLine.ParameterException(new CommandLine(this),
                "delivery retention must be an ISO 8601 duration of at least a day (P30D, P90D), not '" + setting.get() + "'");
    }

    /** Comma-separated addresses; each checked where the API reads it (an IP address or a CIDR block, never a name). */
    private static List<String> proxies(Optional<String> list) {
        return list.map(l -> Arrays.stream(l.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    Startup read(Configuration c, Path dataDirOption, String defaultDataDir, boolean forceAllowPrivate) {
        AdminKey admin = AdminKey.from(c);
        int portNumber = number(c.get(port, "PONTE_PORT", "port").orElse("8080"), "port");
        // Dropwizard's convention (application 8080, admin 8081); a free one beside a free public port, as tests start them.
        int managementPortNumber = number(c.get(managementPort, "PONTE_MANAGEMENT_PORT", "management.port")
                .orElse(portNumber == 0 ? "0" : "8081"), "management port");
        Settings.Management management = new Settings.Management(
                c.get(managementHost, "PONTE_MANAGEMENT_HOST", "management.host").orElse("127.0.0.1"), managementPortNumber);
        Path dataDir = Path.of(c.get(dataDirOption == null ? null : dataDirOption.toString(), "PONTE_DATA_DIR", "data-dir").orElse(defaultDataDir));
        List<String> proxies = proxies(c.get(trustedProxies == null ? null : String.join(",", trustedProxies), "PONTE_TRUSTED_PROXIES", "trusted-proxies"));
        Settings settings;
        try {
            new ClientAddresses(proxies); // refused here, as a usage error, rather than when the node is built
            c.get(smtpUrl, "PONTE_SMTP_URL", "smtp.url").ifPresent(ponte.outbound.SmtpMailer::of); // likewise
            settings = new Settings(c.get(host, "PONTE_HOST", "host").orElse("127.0.0.1"), portNumber, dataDir,
                    c.get(db, "PONTE_DB_URL", "db.url"), admin.secret(), c.get(kafka, "PONTE_KAFKA_BOOTSTRAP", "kafka.bootstrap"),
                    c.get(null, "PONTE_KAFKA_TOPIC", "kafka.topic").orElse(KafkaSettings.DEFAULT_TOPIC), DatabaseLogin.from(c), management,
                    proxies, api(c), new Settings.Translation(c.get(mtUrl, "PONTE_MT_URL", "mt.url"), c.get(mtKey, "PONTE_MT_KEY", "mt.key")),
                    media(c), c.get(smtpUrl, "PONTE_SMTP_URL", "smtp.url"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        boolean allowPrivate = forceAllowPrivate || allowPrivateEndpoints
                || "true".equalsIgnoreCase(c.environment("PONTE_ALLOW_PRIVATE_ENDPOINTS").orElse("").strip());
        Duration retention = retention(c.get(deliveryRetention, "PONTE_DELIVERY_RETENTION", "delivery.retention"));
        return new Startup(settings, DeliverySettings.defaults().allowingPrivate(allowPrivate).withRetention(retention), admin,
                c.get(operatorUser, "PONTE_OPERATOR_USER", "operator.user").map(String::strip).filter(u -> !u.isEmpty()));
    }

    private int number(String value, String what) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), what + " must be a number");
        }
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

    private MediaSettings media(Configuration c) {
        MediaSettings d = MediaSettings.defaults();
        try {
            return new MediaSettings(
                    c.get(null, "PONTE_MEDIA_MAX_BYTES", "media.max-bytes").map(Long::parseLong).orElse(d.maxUploadBytes()),
                    c.get(null, "PONTE_MEDIA_WORKERS", "media.workers").map(Integer::parseInt).orElse(d.workers()),
                    c.get(null, "PONTE_MEDIA_TIMEOUT", "media.timeout").map(Duration::parse).orElse(d.timeout()),
                    d.staleAfter(),
                    c.get(null, "PONTE_FFMPEG", "media.ffmpeg").orElse(d.ffmpeg()),
                    c.get(null, "PONTE_FFPROBE", "media.ffprobe").orElse(d.ffprobe()),
                    c.get(null, "PONTE_UPLOAD_EXPIRY", "media.upload-expiry").map(Duration::parse).orElse(d.uploadExpiry()),
                    c.get(null, "PONTE_MEDIA_URL", "media.url"),
                    c.get(null, "PONTE_MEDIA_LINK_LIFETIME", "media.link-lifetime").map(Duration::parse).orElse(d.linkLifetime()),
                    c.get(null, "PONTE_MEDIA_RETENTION", "media.retention").map(Duration::parse).orElse(d.retention()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "media settings: " + e.getMessage());
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
