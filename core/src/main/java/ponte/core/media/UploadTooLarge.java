package ponte.core.media;

/** An upload over the node's size limit (413); nothing of it is kept. */
public final class UploadTooLarge extends RuntimeException {
    private final long limit;

    public UploadTooLarge(long limit) {
        super("uploads are limited to " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
