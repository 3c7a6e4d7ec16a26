package ponte.core.media;

import java.util.Locale;

/**
 * Where an upload is on its way to renditions: only {@code READY} media are ever offered to partners. {@code DELETED}
 * files were carried only by items killed longer ago than the retention; their bytes are gone.
 */
public enum MediaState {
    PROCESSING, READY, FAILED, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
