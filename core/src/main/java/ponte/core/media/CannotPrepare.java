package ponte.core.media;

/** The node cannot make renditions at all (ffmpeg is missing): said at start-up and to every uploader (503). */
public final class CannotPrepare extends RuntimeException {
    public CannotPrepare(String detail) {
        super(detail);
    }
}
