package ponte.core.media;

import java.nio.channels.ReadableByteChannel;

/**
 * Port: content-addressed blob storage (a directory, an S3 bucket). A blob is visible only once whole: bytes are
 * written aside and moved in (or completed as one object) after their digest is known, so nothing half-written is
 * ever read.
 */
public interface MediaStore {
    /**
     * Stores what {@code body} yields to its end, at most {@code maxBytes}.
     *
     * @throws UploadTooLarge when there is more; nothing is kept
     * @throws UploadBroken   when the body cannot be read to its end (the client went away); nothing is kept
     */
    Blob save(ReadableByteChannel body, long maxBytes);

    /** Stores bytes already in memory (a subtitle track: small). */
    Blob save(byte[] bytes);

    /** The blob's bytes from {@code offset}, {@code length} of them. */
    ReadableByteChannel open(Blob blob, long offset, long length);

    boolean contains(Blob blob);

    void delete(Blob blob);

    /** Where the store keeps its blobs, for the operator's log line ({@code /var/lib/ponte/media}, {@code s3://bucket/prefix}). */
    String describe();
}
