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

    @org.junit.jupiter.api.Test
    void aFinishedFileIsTakenInWholeByRenamingAndOnceForTheSameBytes() throws Exception {
        byte[] bytes = random(300_000, 11);
        Path work = Files.createDirectories(root.resolve("work"));
        Path rendition = Files.write(work.resolve("1080p.mp4"), bytes);
        ponte.core.media.Blob blob = ((FileMediaStore) store()).adopt(rendition);
        org.assertj.core.api.Assertions.assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        org.assertj.core.api.Assertions.assertThat(blob.size()).isEqualTo(bytes.length);
        org.assertj.core.api.Assertions.assertThat(rendition).doesNotExist();
        org.assertj.core.api.Assertions.assertThat(read(store.open(blob, 0, blob.size()))).isEqualTo(bytes);

        Path again = Files.write(work.resolve("720p.mp4"), bytes);
        org.assertj.core.api.Assertions.assertThat(store.adopt(again)).isEqualTo(blob);
        org.assertj.core.api.Assertions.assertThat(again).as("the same bytes are stored once").doesNotExist();
        store.delete(blob);
    }

    @Override
    long blobs() throws Exception {
        store();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count(); // incoming too: a leftover there counts
        }
    }
}
