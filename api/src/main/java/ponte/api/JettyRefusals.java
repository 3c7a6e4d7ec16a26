package ponte.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.ObjectMapper;

/**
 * What Jetty answers itself, before any route runs (an encoded ".." or another ambiguous path, a bad URI or
 * percent-encoding, headers too large), as the same RFC 9457 problem every route answers: a client reads one kind
 * of error body from Ponte, never Jetty's HTML page. Installed as the server's error handler.
 */
final class JettyRefusals implements Request.Handler {
    private final ObjectMapper mapper;

    JettyRefusals(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String detail = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException refusal) {
            status = refusal.getCode();
            detail = detail == null ? refusal.getReason() : detail;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        byte[] body = mapper.writeValueAsBytes(Problems.status(status, detail).body());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
