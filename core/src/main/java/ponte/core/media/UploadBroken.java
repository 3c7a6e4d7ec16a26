package ponte.core.media;

/** An upload whose bytes stopped before their end (a client gone, a connection cut): nothing of it is kept. */
public final class UploadBroken extends RuntimeException {
    public UploadBroken(String detail, Throwable cause) {
        super(detail, cause);
    }
}
