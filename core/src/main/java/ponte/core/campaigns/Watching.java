package ponte.core.campaigns;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import ponte.core.Invalid;
import ponte.core.NotFound;

/**
 * Heartbeats of players watching a live event ({@code POST /go/live/{code}}, no key): each names its viewer by a
 * session id the player made up, or else by its address and user agent, and keeps only that name's hash under the
 * day's salt ({@link DailySalt}), in the minute it arrived. The heartbeat is handed to {@code durable}, which returns
 * only once it is kept durably (the node's journal), so an acknowledged heartbeat is never lost. Codes never change, so this node keeps the
 * events it has heard of in memory.
 */
public final class Watching {
    private static final int CACHED = 10_000;
    private static final int LONGEST_SESSION = 128;

    private final LiveEvents events;
    private final Consumer<Heartbeat> durable;
    private final DailySalt salt;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public Watching(LiveEvents events, Consumer<Heartbeat> durable, DailySalt salt, Clock clock) {
        this.events = events;
        this.durable = durable;
        this.salt = salt;
        this.clock = clock;
    }

    /** Counts the viewer in this minute of the event, durably. */
    public void heartbeat(String code, Optional<String> session, Visit visit) {
        String event = event(code).orElseThrow(() -> new NotFound("no live event with code " + code));
        if (session.isPresent() && (session.get().isEmpty() || session.get().length() > LONGEST_SESSION)) {
            throw new Invalid("/session", "session is 1 to " + LONGEST_SESSION + " characters");
        }
        // Session ids and addresses are kept apart so that no session id can be made to hash as an address does.
        String viewer = session.map(s -> salt.visitor("session " + s, ""))
                .orElseGet(() -> salt.visitor(visit.address().orElse(""), visit.userAgent().orElse("")));
        durable.accept(new Heartbeat(event, clock.instant().truncatedTo(ChronoUnit.MINUTES), viewer));
    }

    private Optional<String> event(String code) {
        String cached = known.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = events.byCode(code).map(LiveEvent::id);
        if (stored.isPresent() && known.size() < CACHED) {
            known.put(code, stored.get());
        }
        return stored;
    }
}
