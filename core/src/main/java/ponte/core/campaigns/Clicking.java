package ponte.core.campaigns;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import ponte.core.NotFound;

/**
 * Follows a tracked link: where it leads, and a {@link Click} handed to {@code clicks}, which returns once the click is
 * kept durably (the node's journal, written to the store in batches), so a click that was redirected survives a
 * crash. Links never change, so
 * this node keeps the ones followed in memory; an unknown code is asked of the store each time (another node may have
 * just made it).
 */
public final class Clicking {
    private static final int CACHED = 100_000;

    private final Offers offers;
    private final Consumer<Click> clicks;
    private final DailySalt salt;
    private final Clock clock;
    private final Map<String, TrackedLink> known = new ConcurrentHashMap<>();

    public Clicking(Offers offers, Consumer<Click> clicks, DailySalt salt, Clock clock) {
        this.offers = offers;
        this.clicks = clicks;
        this.salt = salt;
        this.clock = clock;
    }

    /** The booking URL the link leads to, tagged; the click counted. */
    public String follow(String code, Visit visit) {
        TrackedLink link = link(code).orElseThrow(() -> new NotFound("no link " + code));
        Optional<String> visitor = visit.address().map(a -> salt.visitor(a, visit.userAgent().orElse("")));
        clicks.accept(new Click(link.code(), clock.instant(), visitor, visit.bot()));
        return link.target();
    }

    private Optional<TrackedLink> link(String code) {
        TrackedLink cached = known.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TrackedLink> stored = offers.link(code);
        if (stored.isPresent() && known.size() < CACHED) {
            known.put(code, stored.get());
        }
        return stored;
    }
}
