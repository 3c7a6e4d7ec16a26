package ponte.api;

/** A refusal that only HTTP knows about (no key, malformed JSON, unsupported method). */
final class HttpError extends RuntimeException {
    final int status;
    final String title;

    HttpError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static HttpError badRequest(String detail) {
        return new HttpError(400, "Malformed request", detail);
    }

    static HttpError unauthenticated(String detail) {
        return new HttpError(401, "Unauthenticated", detail);
    }
}
