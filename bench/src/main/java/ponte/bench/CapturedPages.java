package ponte.bench;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The reference for feed reads, run on a {@link LoopbackJetty}: answers GET ?after=cursor with page bytes captured
 * from Ponte, from memory. What is left is HTTP and the copy of the bytes: the floor any feed server on this stack
 * stands on.
 */
final class CapturedPages extends Handler.Abstract {
    /** A captured answer: the body and the Link header that names the next page. */
    record Page(byte[] body, String link) {}

    private final Map<String, Page> pagesByAfter;

    CapturedPages(Map<String, Page> pagesByAfter) {
        this.pagesByAfter = pagesByAfter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Page page = pagesByAfter.get(Request.extractQueryParameters(request).getValue("after"));
        if (page == null) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.body().length);
        response.getHeaders().put("Link", page.link());
        response.getHeaders().put("Cache-Control", "private, no-cache");
        response.write(true, ByteBuffer.wrap(page.body()), callback);
        return true;
    }
}
