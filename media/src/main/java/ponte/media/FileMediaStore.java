package ponte.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import ponte.core.media.Blob;
import ponte.core.media.MediaStore;
import ponte.core.media.UploadBroken;
import ponte.core.media.UploadTooLarge;

/**
 * Blobs as files named by their SHA-256 under {@code <root>/blobs/ab/cd/abcd…}. Bytes are written to
 * {@code <root>/incoming} first, digested as they stream through a 64 KB buffer (memory stays flat whatever the size),
 * forced to disk and then moved into place in one rename: a blob's path exists only once its bytes are whole. What is
 * left in {@code incoming} by a process killed mid-upload is removed at the next start.
 */
public final class FileMediaStore implements MediaStore {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path blobs;
    private final Path incoming;

    public FileMediaStore(Path root) {
        this.root = root;
        this.blobs = root.resolve("blobs");
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(incoming);
            try (Stream<Path> leftovers = Files.list(incoming)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + root + " for media", e);
        }
    }

    @Override
    public Blob save(ReadableByteChannel body, long maxBytes) {
        Path part = null;
        try {
            part = Files.createTempFile(incoming, "upload-", ".part");
            Blob blob = spool(body, part, maxBytes);
            if (moveIn(part, path(blob))) {
                part = null;
            }
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write media under " + root + ": " + e.getMessage(), e);
        } finally {
            if (part != null) {
                deleteQuietly(part);
            }
        }
    }

    /**
     * Takes a finished file of this node (a rendition ffmpeg wrote under the media directory) into the store by renaming
     * it, not copying it: it is digested and forced to disk where it lies, then moved into place whole. The file is gone
     * afterwards (deleted when the same bytes were stored already). A rendition is as large as its original, and a copy
     * of it was a measurable part of a transcode's wall time.
     */
    public Blob adopt(Path file) {
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    size += buffer.remaining();
                    sha.update(buffer);
                    buffer.clear();
                }
                in.force(true);
            }
            Blob blob = new Blob(HexFormat.of().formatHex(sha.digest()), size);
            if (!moveIn(file, path(blob))) {
                Files.deleteIfExists(file);
            }
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + file + " under " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the body to {@code part} 64 KB at a time, digesting it on the way, and forces it to disk: the blob it is.
     *
     * @throws UploadTooLarge past {@code maxBytes}
     * @throws UploadBroken   when the body cannot be read to its end
     */
    static Blob spool(ReadableByteChannel body, Path part, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            boolean more = true;
            while (more) {
                more = fill(body, buffer);
                buffer.flip();
                size += buffer.remaining();
                if (size > maxBytes) {
                    throw new UploadTooLarge(maxBytes);
                }
                sha.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
        }
        return new Blob(HexFormat.of().formatHex(sha.digest()), size);
    }

    /**
     * Fills the buffer from the uploader's bytes; false once they have ended. A failed read is the upload's (a client
     * gone), not the store's.
     */
    private static boolean fill(ReadableByteChannel body, ByteBuffer buffer) {
        try {
            while (buffer.hasRemaining()) {
                if (body.read(buffer) < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UploadBroken("the upload ended before its last byte: " + e.getMessage(), e);
        }
    }

    /** Moves the written bytes into place; false when the same bytes were there already (the copy is then deleted). */
    private static boolean moveIn(Path part, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            return false;
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false; // another upload of the same bytes got there first: same content
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the media directory must be on one file system (an atomic rename is how a blob appears whole)", e);
        }
    }

    @Override
    public ReadableByteChannel open(Blob blob, long offset, long length) {
        try {
            FileChannel in = FileChannel.open(path(blob), StandardOpenOption.READ);
            in.position(offset);
            return length >= blob.size() - offset ? in : Channels.newChannel(new Bounded(Channels.newInputStream(in), length));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read media " + blob.sha256() + ": " + e.getMessage(), e);
        }
    }

    /** The file holding a blob: ffmpeg reads it in place. */
    public Path path(Blob blob) {
        String h = blob.sha256();
        return blobs.resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
    }

    @Override
    public boolean contains(Blob blob) {
        return Files.isRegularFile(path(blob));
    }

    @Override
    public void delete(Blob blob) {
        deleteQuietly(path(blob));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Blob save(byte[] bytes) {
        return save(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), bytes.length);
    }

    /** At most {@code left} bytes of a stream, for a range that ends before the blob does. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(java.io.InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover in incoming is removed at the next start; a blob left behind costs only space
        }
    }
}
