package ponte.storage;

import java.nio.file.Path;

/**
 * The embedded database in a data directory is held by another process (a running node, a {@code ponte reindex}):
 * H2 allows one process per database file. The command line says so in one line; nothing was changed.
 */
public final class DataDirectoryInUse extends RuntimeException {
    private final Path directory;

    DataDirectoryInUse(Path directory, Throwable cause) {
        super("the embedded database in " + directory.toAbsolutePath() + " is open in another process", cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
