package ponte.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ponte.kafka.KafkaSettings;

/**
 * How one Ponte node runs. {@code databaseUrl} empty means embedded H2 under {@code dataDir}; {@code kafkaBootstrap}
 * present means the content log is relayed through Kafka topic {@code kafkaTopic} (production mode, several nodes,
 * PostgreSQL required; one cluster may carry several installations' logs under different topic names).
 *
 * @param bootstrapAdminKey the key that manages orgs (env PONTE_ADMIN_KEY)
 * @param databaseLogin     who the node is to PostgreSQL (env PONTE_DB_USER, PONTE_DB_PASSWORD)
 * @param trustedProxies    addresses and CIDR blocks of the proxies in front of the node, whose X-Forwarded-For names
 *                          the client (env PONTE_TRUSTED_PROXIES); none by default: the socket's peer is the client
 */
public record Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap,
                       String kafkaTopic, DatabaseLogin databaseLogin, List<String> trustedProxies) {
    public Settings {
        trustedProxies = List.copyOf(trustedProxies);
        if (kafkaBootstrap.isPresent() && databaseUrl.filter(u -> u.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw new IllegalArgumentException("Kafka mode runs several nodes on one PostgreSQL database: give --db jdbc:postgresql://…");
        }
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, Optional.empty());
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, KafkaSettings.DEFAULT_TOPIC);
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap,
                    String kafkaTopic) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, DatabaseLogin.DRIVER_DEFAULT, List.of());
    }

    /** The same node behind these proxies. */
    public Settings behind(List<String> proxies) {
        return new Settings(host, port, dataDir, databaseUrl, bootstrapAdminKey, kafkaBootstrap, kafkaTopic, databaseLogin, proxies);
    }
}
