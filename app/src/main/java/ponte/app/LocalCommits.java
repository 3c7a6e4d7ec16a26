package ponte.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import ponte.core.log.LogEntry;

/**
 * The groups of entries this node's log writer committed, handed to whatever the {@link LogMode} feeds from them (the
 * node's tail, a NOTIFY, the Kafka relay). It exists before the log and the mode, so neither waits for the other.
 * Listeners run on the writer thread: they must only hand entries on.
 */
final class LocalCommits implements Consumer<List<LogEntry>> {
    private final List<Consumer<List<LogEntry>>> listeners = new CopyOnWriteArrayList<>();

    void subscribe(Consumer<List<LogEntry>> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(List<LogEntry> committed) {
        listeners.forEach(listener -> listener.accept(committed));
    }
}
