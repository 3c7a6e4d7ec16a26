package ponte.bench;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty reference of {@link FeedPageVsReferences}, run on a {@link LoopbackJetty}: one page from memory with
 * Ponte's headers, and 304 to its ETag.
 */
final class OnePage extends Handler.Abstract {
    private final byte[] body;
    private final String link;
    private final String etag;

    OnePage(byte[] body, String link, String etag) {
        this.body = body;
        this.link = link;
        this.etag = etag;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, no-cache");
        response.getHeaders().put(HttpHeader.VARY, "Accept, Authorization");
        response.getHeaders().put("Link", link);
        if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
