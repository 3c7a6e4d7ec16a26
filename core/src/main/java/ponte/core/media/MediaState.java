package ponte.core.media;

import java.util.Locale;

/** Where an upload is on its way to renditions: only {@code READY} media are ever offered to partners. */
public enum MediaState {
    PROCESSING, READY, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
