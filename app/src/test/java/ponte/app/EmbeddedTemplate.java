package ponte.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ponte.storage.Database;

/**
 * A freshly migrated embedded database, made once per test JVM by the real migrations, copied into each new data
 * directory a test's node starts on. Creating the schema was most of an embedded node's start (the migrations' DDL,
 * hundreds of statements), and the suite starts hundreds of nodes; a copy of the file is what those statements leave.
 * Migrations themselves still run on every new PostgreSQL schema and in the storage module's tests, and a node opening a
 * copy still runs Flyway, which finds nothing pending.
 */
final class EmbeddedTemplate {
    /** The file H2 keeps a data directory's database in ({@code Database.embedded}). */
    private static final String FILE = "ponte.mv.db";
    private static Path template;

    private EmbeddedTemplate() {}

    /** Gives a data directory that has no database yet a copy of the migrated one; leaves any other alone. */
    static void seed(Path dataDir) {
        Path target = dataDir.resolve(FILE);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.copy(template(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the migrated database into " + dataDir, e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("ponte-migrated-");
            Database.embedded(dir).close();
            template = dir.resolve(FILE);
            dir.toFile().deleteOnExit();
            template.toFile().deleteOnExit();
        }
        return template;
    }
}
