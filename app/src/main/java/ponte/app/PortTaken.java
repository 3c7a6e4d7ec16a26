package ponte.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A port the node was told to listen on is held by another process (a running node, another server). */
final class PortTaken extends Exception {
    PortTaken(String option, String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use (another Ponte node?): stop what holds it, or choose another with "
                + option, cause);
    }

    /**
     * Refuses a port already held before the node opens its database, migrates it and starts its loops: a person who
     * typed a taken port hears so at once, and a data directory is not touched by a node that cannot serve. The node's
     * own bind still decides (the port can be taken in between) and says the same.
     */
    static void refuseIfHeld(Settings settings) throws PortTaken {
        refuseIfHeld("--port", settings.host(), settings.port());
        refuseIfHeld("--management-port", settings.management().host(), settings.management().port());
    }

    private static void refuseIfHeld(String option, String host, int port) throws PortTaken {
        if (port == 0) {
            return; // a free one is picked at start
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port whose last connections linger in TIME_WAIT is free
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
        } catch (BindException e) {
            throw new PortTaken(option, host, port, e);
        } catch (IOException e) {
            // Not a port in use (an unknown host, say): the node's own start reports it as it always has.
        }
    }
}
