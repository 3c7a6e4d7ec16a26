package ponte.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import ponte.core.Ids;
import ponte.core.media.UploadParts;
import ponte.core.media.UploadTooLarge;

/**
 * Resumable uploads' bytes as one file each under {@code <root>}, appended in place. They stay on the node that took
 * them: several nodes behind one name need sticky routing of {@code /v1/uploads/{id}} (docs/operations.md).
 */
public final class FileUploadParts implements UploadParts {
    private static final int BUFFER = 64 * 1024;
    /** The algorithms of the tus checksum extension Ponte offers, by their tus names. */
    public static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");

    private final Path root;

    public FileUploadParts(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + root + " for uploads", e);
        }
    }

    @Override
    public Appended append(String id, long offset, ReadableByteChannel body, long max, Optional<String> algorithm) {
        MessageDigest digest = algorithm.map(FileUploadParts::digest).orElse(null);
        try (FileChannel out = FileChannel.open(path(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset); // what a cut-off or refused PATCH left beyond the recorded offset
            out.position(offset);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long written = 0;
            boolean cut = false;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException broken) {
                    cut = true;
                    n = -1;
                }
                if (n < 0 && buffer.position() == 0) {
                    break;
                }
                buffer.flip();
                written += buffer.remaining();
                if (written > max) {
                    out.truncate(offset);
                    throw new UploadTooLarge(max);
                }
                if (digest != null) {
                    digest.update(buffer.duplicate());
                }
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
                if (n < 0) {
                    break;
                }
            }
            out.force(true);
            return new Appended(written, Optional.ofNullable(digest).map(MessageDigest::digest), cut);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write upload " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReadableByteChannel open(String id, long length) {
        try {
            try (FileChannel cut = FileChannel.open(path(id), StandardOpenOption.WRITE)) {
                cut.truncate(length); // bytes of a refused PATCH beyond the recorded length are not the file's
            }
            FileChannel in = FileChannel.open(path(id), StandardOpenOption.READ);
            if (in.size() != length) {
                in.close();
                throw new IllegalStateException("upload " + id + " holds " + in.size() + " bytes, not the " + length + " recorded");
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read upload " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete upload " + id, e);
        }
    }

    private Path path(String id) {
        return root.resolve(Ids.requireUrlSafe("id", id) + ".part");
    }

    private static MessageDigest digest(String tusName) {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(tusName));
        } catch (NoSuchAlgorithmException | NullPointerException e) {
            throw new IllegalArgumentException("no checksum algorithm " + tusName, e);
        }
    }
}
