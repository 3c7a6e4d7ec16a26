package ponte.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ponte.api.ApiSettings;
import ponte.kafka.KafkaSettings;

/**
 * How one Ponte node runs. {@code databaseUrl} empty means embedded H2 under {@code dataDir}; {@code kafkaBootstrap}
 * present means the content log is relayed through Kafka topic {@code kafkaTopic} (production mode, several nodes,
 * PostgreSQL required; one cluster may carry several installations' logs under different topic names).
 *
 * @param bootstrapAdminKey the key that manages orgs (env PONTE_ADMIN_KEY)
 * @param databaseLogin     who the node is to PostgreSQL (env PONTE_DB_USER, PONTE_DB_PASSWORD)
 * @param management        where the operator's port listens: /metrics, /health and /ready, never on the public port
 * @param trustedProxies    addresses and CIDR blocks of the proxies in front of the node, whose X-Forwarded-For names
 *                          the client (env PONTE_TRUSTED_PROXIES); none by default: the socket's peer is the client
 * @param api               the API's rate limits and how long it remembers idempotency keys
 * @param translation       the LibreTranslate-compatible server machine translations come from (env PONTE_MT_URL,
 *                          PONTE_MT_KEY); without one, Apertium when it is installed
 * @param media             upload limit, transcoding workers and timeout, the ffmpeg programs
 * @param smtpUrl           the mail server invitation and reset links are also emailed through (env PONTE_SMTP_URL); none:
 *                          links are only shown to the admin who made them
 */
public record Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap,
                       String kafkaTopic, DatabaseLogin databaseLogin, Management management, List<String> trustedProxies,
                       ApiSettings api, Translation translation, MediaSettings media, Optional<String> smtpUrl) {
    /** A LibreTranslate-compatible server the operator names, and its API key. */
    public record Translation(Optional<String> url, Optional<String> key) {
        public static final Translation APERTIUM_IF_INSTALLED = new Translation(Optional.empty(), Optional.empty());
    }

    /** The management port's address: loopback by default, so only the machine (or a scraper beside it) reaches it. */
    public record Management(String host, int port) {
        /** On loopback, a free port picked at start (tests, benchmarks, several nodes on one machine). */
        public static final Management ANY_FREE_PORT = new Management("127.0.0.1", 0);
    }

    public Settings {
        trustedProxies = List.copyOf(trustedProxies);
        if (kafkaBootstrap.isPresent() && databaseUrl.filter(u -> u.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw new IllegalArgumentException("Kafka mode runs several nodes on one PostgreSQL database: give --db jdbc:postgresql://…");
        }
        if (management.port() != 0 && management.port() == port) {
            throw new IllegalArgumentException("the management port must differ from the public port " + port + ": give --management-port");
        }
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap,
                    String kafkaTopic, DatabaseLogin databaseLogin, Management management, List<String> trustedProxies,
                    ApiSettings api, Translation translation, MediaSettings media) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, management, trustedProxies, api,
                translation, media, Optional.empty());
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, Optional.empty());
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, KafkaSettings.DEFAULT_TOPIC);
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap,
                    String kafkaTopic) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, DatabaseLogin.DRIVER_DEFAULT, Management.ANY_FREE_PORT,
                List.of(), ApiSettings.defaults(), Translation.APERTIUM_IF_INSTALLED, MediaSettings.defaults());
    }

    /** The same node behind these proxies. */
    public Settings behind(List<String> proxies) {
        return new Settings(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, management, proxies, api, translation, media, smtpUrl);
    }

    /** The same node with these API settings (rate limits, idempotency retention). */
    public Settings withApi(ApiSettings settings) {
        return new Settings(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, management, trustedProxies, settings, translation, media, smtpUrl);
    }

    /** The same node with these media settings. */
    public Settings withMedia(MediaSettings settings) {
        return new Settings(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, management, trustedProxies, api, translation, settings, smtpUrl);
    }

    /** The same node emailing links through this SMTP server ({@code smtp://…?from=…}). */
    public Settings withSmtp(String url) {
        return new Settings(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, management, trustedProxies, api, translation, media, Optional.of(url));
    }
}
