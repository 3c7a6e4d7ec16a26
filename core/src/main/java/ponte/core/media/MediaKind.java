package ponte.core.media;

import java.util.Optional;

/** What an upload is, by its sniffed media type: the kind decides which renditions are made of it. */
public enum MediaKind {
    VIDEO, AUDIO, PHOTO;

    /** The kind of a media type ({@code video/mp4} → video), if Ponte makes renditions of that kind. */
    public static Optional<MediaKind> of(String contentType) {
        if (contentType.startsWith("video/")) {
            return Optional.of(VIDEO);
        }
        if (contentType.startsWith("audio/")) {
            return Optional.of(AUDIO);
        }
        if (contentType.startsWith("image/")) {
            return Optional.of(PHOTO);
        }
        return Optional.empty();
    }
}
