package ponte.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How one Ponte node runs. {@code databaseUrl} empty means embedded H2 under {@code dataDir}; {@code kafkaBootstrap}
 * present means the content log is relayed through Kafka (production mode, several nodes, PostgreSQL required).
 *
 * @param bootstrapAdminKey the key that manages orgs (env PONTE_ADMIN_KEY)
 */
public record Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey, Optional<String> kafkaBootstrap) {
    public Settings {
        if (kafkaBootstrap.isPresent() && databaseUrl.filter(u -> u.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw new IllegalArgumentException("Kafka mode runs several nodes on one PostgreSQL database: give --db jdbc:postgresql://…");
        }
    }

    public Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey) {
        this(host, port, dataDir, databaseUrl, bootstrapAdminKey, Optional.empty());
    }
}
