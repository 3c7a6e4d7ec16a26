package ponte.app;

/** A port the node was told to listen on is held by another process (a running node, another server). */
final class PortTaken extends Exception {
    PortTaken(String option, String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use (another Ponte node?): stop what holds it, or choose another with "
                + option, cause);
    }
}
