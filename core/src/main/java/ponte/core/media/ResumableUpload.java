package ponte.core.media;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/**
 * A resumable (tus) upload under way: {@code offset} of {@code length} bytes have arrived; {@code media} names the file
 * it became once whole.
 */
public record ResumableUpload(String id, OrgId owner, long length, long offset, String contentType, Optional<String> filename,
                              Instant expiresAt, Optional<String> media) {
    public ResumableUpload {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(filename);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(media);
        if (offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + length);
        }
    }

    public boolean complete() {
        return offset == length;
    }
}
