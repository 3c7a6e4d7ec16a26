package ponte.bench;

import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 core server set up as Ponte's (virtual threads, no servlet layer) on a free loopback port, running one
 * handler: the stack every reference server of the benchmarks stands on.
 */
final class LoopbackJetty implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    LoopbackJetty(Handler handler) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("reference-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
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
