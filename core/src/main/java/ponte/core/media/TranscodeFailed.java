package ponte.core.media;

/** A file that cannot be made into renditions, with why in an editor's words (it becomes the media's reason). */
public final class TranscodeFailed extends RuntimeException {
    public TranscodeFailed(String reason) {
        super(reason);
    }
}
