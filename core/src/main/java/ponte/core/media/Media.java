package ponte.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/**
 * An uploaded file and what became of it.
 *
 * @param contentType the type sniffed from the bytes (the one the uploader claimed, which had to agree)
 * @param original    the uploaded bytes as stored
 * @param progress    0-100 while processing: how far the renditions are
 * @param reason      why the file failed, or was deleted, in words an editor can act on
 * @param renditions  the finished renditions, listed only once every one of them is stored (state ready)
 * @param deletedAt   when the file was deleted (state deleted)
 */
public record Media(String id, OrgId owner, String contentType, Optional<String> filename, Blob original, MediaState state,
                    int progress, Optional<String> reason, Instant createdAt, List<Rendition> renditions, Optional<Instant> deletedAt) {
    public Media {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(filename);
        Objects.requireNonNull(original);
        Objects.requireNonNull(state);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(createdAt);
        renditions = List.copyOf(renditions);
        Objects.requireNonNull(deletedAt);
    }

    public MediaKind kind() {
        return MediaKind.of(contentType).orElseThrow();
    }

    public Optional<Rendition> rendition(String name) {
        return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
