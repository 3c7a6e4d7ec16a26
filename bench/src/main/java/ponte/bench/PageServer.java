package ponte.bench;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The reference for feed reads: a minimal Jetty 12 core handler, set up like Ponte's server (virtual threads), that
 * answers GET ?after=cursor with page bytes captured from Ponte, from memory. What is left is HTTP and the copy of
 * the bytes: the floor any feed server on this stack stands on.
 */
final class PageServer implements AutoCloseable {
    /** A captured answer: the body and the Link header that names the next page. */
    record Page(byte[] body, String link) {}

    private final Server server;
    private final ServerConnector connector;

    PageServer(Map<String, Page> pagesByAfter) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("reference-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
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
        });
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
