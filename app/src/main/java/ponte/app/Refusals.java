package ponte.app;

import java.util.Optional;
import ponte.storage.DataDirectoryInUse;

/**
 * What the command line says, in one line and without a stack trace, when it cannot go on for a reason the person
 * who typed it can act on. Anything else is a fault of Ponte's and keeps its stack trace.
 */
final class Refusals {
    private Refusals() {}

    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataDirectoryInUse inUse) {
                return Optional.of("the data directory " + inUse.directory().toAbsolutePath() + " is in use by a running Ponte node "
                        + "(or ponte reindex): stop it first, or give another --data-dir");
            }
            if (t instanceof PortTaken taken) {
                return Optional.of(taken.getMessage());
            }
        }
        return Optional.empty();
    }
}
