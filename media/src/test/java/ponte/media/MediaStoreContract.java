package ponte.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ponte.core.media.Blob;
import ponte.core.media.MediaStore;
import ponte.core.media.UploadBroken;
import ponte.core.media.UploadTooLarge;

/** What every media store does, run against each (the filesystem, and S3 through S3Proxy in the test JVM). */
abstract class MediaStoreContract {
    abstract MediaStore store();

    /** How many blobs the store holds now (for "nothing was kept"). */
    abstract long blobs() throws Exception;

    @Test
    void storedBytesAreNamedByTheirSha256AndReadBackWholeOrInRanges() throws Exception {
        byte[] bytes = random(300_000, 1);
        Blob blob = store().save(channel(bytes), Long.MAX_VALUE);
        assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(store().contains(blob)).isTrue();
        assertThat(read(store().open(blob, 0, bytes.length))).isEqualTo(bytes);
        assertThat(read(store().open(blob, 1000, 500))).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1500));
        assertThat(read(store().open(blob, bytes.length - 10, 10))).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        byte[] bytes = random(10_000, 2);
        long before = blobs();
        Blob first = store().save(channel(bytes), Long.MAX_VALUE);
        Blob second = store().save(channel(bytes), Long.MAX_VALUE);
        assertThat(second).isEqualTo(first);
        assertThat(blobs()).isEqualTo(before + 1);
    }

    @Test
    void tooMuchIsRefusedAndNothingIsKept() throws Exception {
        long before = blobs();
        assertThatThrownBy(() -> store().save(channel(random(5_000, 3)), 4_999)).isInstanceOf(UploadTooLarge.class);
        assertThat(blobs()).isEqualTo(before);
    }

    @Test
    void aBodyThatBreaksOffIsRefusedAndNothingIsKept() throws Exception {
        long before = blobs();
        InputStream breaking = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 70_000) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store().save(Channels.newChannel(breaking), Long.MAX_VALUE)).isInstanceOf(UploadBroken.class);
        assertThat(blobs()).isEqualTo(before);
    }

    @Test
    void deletedBlobsAreGone() throws Exception {
        Blob blob = store().save(random(1_000, 4));
        store().delete(blob);
        assertThat(store().contains(blob)).isFalse();
        assertThat(store().contains(new Blob(sha256(new byte[] {9}), 1))).isFalse();
    }

    static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        return out;
    }

    static ReadableByteChannel channel(byte[] bytes) {
        return Channels.newChannel(new ByteArrayInputStream(bytes));
    }

    static byte[] read(ReadableByteChannel channel) throws IOException {
        try (InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
