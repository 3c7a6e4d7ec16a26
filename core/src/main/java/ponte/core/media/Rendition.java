package ponte.core.media;

import java.util.Objects;
import java.util.Optional;

/**
 * One finished rendition of a media file ({@code 720p}, {@code proxy}, {@code poster}...): its bytes are stored whole
 * before the rendition is recorded, so a listed rendition always answers.
 *
 * @param durationMs for time-based media (video, audio)
 */
public record Rendition(String name, String contentType, Blob blob, Optional<Integer> width, Optional<Integer> height,
                        Optional<Long> durationMs) {
    public Rendition {
        Objects.requireNonNull(name);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(blob);
        Objects.requireNonNull(width);
        Objects.requireNonNull(height);
        Objects.requireNonNull(durationMs);
    }
}
