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
 * day's salt ({@link DailySalt}), in the minute it arrived; a repeat within the minute is acknowledged without a
 * write. The heartbeat is handed to {@code durable}, which returns only once it is kept durably (the node's journal),
 * so an acknowledged heartbeat is never lost. Codes never change, so this node keeps the events it has heard of in
 * memory.
 */
public final class Watching {
    private static final int CACHED = 10_000;
    private static final int LONGEST_SESSION = 128;
    /** Heartbeats kept this minute that a repeat need not write again; far above one node's viewers in a minute. */
    private static final int REMEMBERED = 2_000_000;

    private final LiveEvents events;
    private final Consumer<Heartbeat> durable;
    private final DailySalt salt;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private volatile Minute kept = new Minute(java.time.Instant.EPOCH, ConcurrentHashMap.newKeySet());

    /** The heartbeats this node has kept in one minute. */
    private record Minute(java.time.Instant at, java.util.Set<Heartbeat> beats) {}

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
        Heartbeat beat = new Heartbeat(event, clock.instant().truncatedTo(ChronoUnit.MINUTES), viewer);
        Minute minute = minute(beat.at());
        if (minute.beats().contains(beat)) {
            return; // kept already: a player beats twice a minute, and the minute counts its viewer once
        }
        durable.accept(beat);
        if (minute.beats().size() < REMEMBERED) {
            minute.beats().add(beat);
        }
    }

    private Minute minute(java.time.Instant at) {
        Minute current = kept;
        if (current.at().equals(at)) {
            return current;
        }
        synchronized (this) {
            if (!kept.at().equals(at)) {
                kept = new Minute(at, ConcurrentHashMap.newKeySet());
            }
            return kept;
        }
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
