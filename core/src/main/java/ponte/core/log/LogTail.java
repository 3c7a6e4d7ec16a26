package ponte.core.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * New log entries as they are committed, in log order, for readers that want to act at once (live streams,
 * pushers, the search index). It is a wake-up, not the record: a reader that must not miss anything keeps its own
 * cursor and reads the log; the tail only saves it from polling. In embedded mode the log writer feeds the tail; on
 * Kafka every node's tail is fed from the topic, so each node hears of entries appended anywhere.
 */
public final class LogTail {
    private final List<Consumer<LogEntry>> listeners = new CopyOnWriteArrayList<>();
    private volatile long last;

    public void subscribe(Consumer<LogEntry> listener) {
        listeners.add(listener);
    }

    /** Hands entries to every listener in order; an entry at or before one already handed on is dropped (a re-send). */
    public void deliver(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            if (entry.cursor().seq() <= last) {
                continue;
            }
            last = entry.cursor().seq();
            for (Consumer<LogEntry> listener : listeners) {
                listener.accept(entry);
            }
        }
    }

    /** The last position handed on. */
    public Cursor last() {
        return new Cursor(last);
    }

}
