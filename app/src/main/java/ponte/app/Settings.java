package ponte.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How one Ponte node runs. {@code databaseUrl} empty means embedded H2 under {@code dataDir}.
 *
 * @param bootstrapAdminKey the key that manages orgs (env PONTE_ADMIN_KEY)
 */
public record Settings(String host, int port, Path dataDir, Optional<String> databaseUrl, String bootstrapAdminKey) {}
