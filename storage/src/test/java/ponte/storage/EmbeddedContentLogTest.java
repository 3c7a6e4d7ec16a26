package ponte.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The content log's contract on embedded H2: one node, its writer the only one. */
class EmbeddedContentLogTest extends ContentLogContract {
    @TempDir
    static Path dataDir;

    @Override
    Database openDatabase() {
        return Database.embedded(dataDir);
    }

    @Override
    boolean severalNodes() {
        return false;
    }
}
