package ponte.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.media.MediaStore;

class FileMediaStoreTest extends MediaStoreContract {
    @TempDir
    static Path root;
    static FileMediaStore store;

    @Override
    MediaStore store() {
        if (store == null) {
            store = new FileMediaStore(root);
        }
        return store;
    }

    @Override
    long blobs() throws Exception {
        store();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count(); // incoming too: a leftover there counts
        }
    }
}
