package ponte.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: resumable uploads under way (their bytes are the {@link UploadParts}'). */
public interface ResumableUploads {
    void create(ResumableUpload upload);

    Optional<ResumableUpload> byId(String id);

    /** Records the new offset and expiry, only if the offset is still {@code from} (two PATCHes racing: one wins). */
    boolean advance(String id, long from, long to, Instant expiresAt);

    /** The upload became this media file. */
    void completed(String id, String mediaId);

    void delete(String id);

    /** Uploads whose expiry is before {@code now}: abandoned ones, and finished ones no one needs to ask about any more. */
    List<String> expired(Instant now);
}
