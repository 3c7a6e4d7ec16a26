package ponte.core.media;

import java.nio.channels.ReadableByteChannel;
import java.util.Optional;

/** Port: the bytes of resumable uploads so far, appended PATCH by PATCH. */
public interface UploadParts {
    /**
     * What one PATCH appended: how many bytes, their digest when one was asked for, and whether the body was cut off
     * before its end (the bytes that did arrive are kept, so the client resumes after them).
     */
    record Appended(long bytes, Optional<byte[]> digest, boolean cut) {}

    /**
     * Appends what {@code body} yields, at most {@code max} bytes, after the first {@code offset} bytes kept (anything
     * beyond them, left by a PATCH cut short, is dropped first), and forces them to disk before returning: an offset
     * recorded afterwards never names lost bytes.
     *
     * @param algorithm the tus checksum algorithm to digest the appended bytes with ({@code sha1}, {@code sha256}, {@code md5})
     * @throws UploadTooLarge when the body has more than {@code max}; nothing of this PATCH is kept
     */
    Appended append(String id, long offset, ReadableByteChannel body, long max, Optional<String> algorithm);

    /** The first {@code length} bytes. */
    ReadableByteChannel open(String id, long length);

    void delete(String id);
}
