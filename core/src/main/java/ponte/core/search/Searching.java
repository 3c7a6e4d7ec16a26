package ponte.core.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import ponte.core.access.Caller;
import ponte.core.reading.Finding;
import ponte.core.reading.Finding.Finder;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.licensing.Entitlements;
import ponte.core.log.ContentLog;

/**
 * Searching, scoped to what the caller may find. The index proposes candidates within a {@link Scope} derived from
 * the caller's licences (it can only narrow); every candidate then goes through {@link Finding}, and so through the
 * entitlement gate, at query time, before it is shown, paged past or counted in a facet. An item changed on the log
 * since the index view (a kill, a correction) is withheld until the index has it, so what is shown is never staler
 * than the gate's decision.
 */
public final class Searching {
    /** Candidates, best first, over which facets and the histogram count the visible ones. */
    public static final int WINDOW = 1000;
    /** The most candidates one page examines past its cursor before it returns short (with a cursor to go on). */
    static final int SCAN_BUDGET = 5000;
    /** Beyond this many log entries since the index view, staleness is checked per candidate against the store. */
    static final int LAG_LIMIT = 2000;

    private final SearchIndex index;
    private final ContentLog log;
    private final Items items;
    private final Entitlements entitlements;
    private final Finding finding;
    private final Clock clock;

    public Searching(SearchIndex index, ContentLog log, Items items, Entitlements entitlements, Finding finding, Clock clock) {
        this.index = index;
        this.log = log;
        this.items = items;
        this.entitlements = entitlements;
        this.finding = finding;
        this.clock = clock;
    }

    public Results search(Caller caller, SearchRequest request) {
        Finder finder = Finder.of(caller);
        Optional<SearchCursor> after = request.after().map(a -> SearchCursor.parse(a, request));
        Scope scope = Scope.of(finder, entitlements.licencesTo(finder.org()));
        if (scope.isEmpty()) {
            return new Results(List.of(), 0, true, new Tally().facets(), new TreeMap<>(), Optional.empty());
        }
        try (SearchIndex.View view = index.view(after.map(SearchCursor::token))) {
            Gate gate = new Gate(finder, stale(view), clock.instant());
            List<Candidate> window = view.candidates(request, scope, Optional.empty(), WINDOW + 1);
            boolean complete = window.size() <= WINDOW;
            Tally tally = new Tally();
            int visible = 0;
            for (Candidate c : gate.visible(window.subList(0, Math.min(WINDOW, window.size())))) {
                tally.add(c);
                visible++;
            }
            Page page = after.isEmpty()
                    ? page(view, request, scope, gate, window, Optional.empty())
                    : page(view, request, scope, gate, List.of(), Optional.of(after.get().position()));
            List<Results.Hit> hits = hits(view, request, scope, gate, page.hits());
            Optional<String> next = page.next().map(p -> SearchCursor.after(view.token(), request, p).encode());
            return new Results(hits, visible, complete, tally.facets(), tally.histogram(), next);
        }
    }

    private record Page(List<Candidate> hits, Optional<Position> next) {}

    /**
     * The first {@code limit} visible candidates after the cursor. The next page starts after the last hit when a
     * further visible candidate exists, so filtered candidates are examined again rather than ever skipped.
     */
    private static Page page(SearchIndex.View view, SearchRequest request, Scope scope, Gate gate, List<Candidate> first, Optional<Position> after) {
        int batchSize = Math.max(request.limit() * 4, 100);
        List<Candidate> hits = new ArrayList<>();
        List<Candidate> batch = first.isEmpty() ? view.candidates(request, scope, after, batchSize) : first;
        int requested = first.isEmpty() ? batchSize : WINDOW + 1;
        int examined = 0;
        while (!batch.isEmpty()) {
            Set<ItemId> visible = new HashSet<>();
            gate.visible(batch).forEach(c -> visible.add(c.id()));
            for (Candidate c : batch) {
                if (visible.contains(c.id())) {
                    if (hits.size() == request.limit()) {
                        return new Page(hits, Optional.of(hits.getLast().position()));
                    }
                    hits.add(c);
                }
                if (++examined >= SCAN_BUDGET) {
                    return new Page(hits, Optional.of(c.position()));
                }
            }
            if (batch.size() < requested) {
                break;
            }
            batch = view.candidates(request, scope, Optional.of(batch.getLast().position()), batchSize);
            requested = batchSize;
        }
        return new Page(hits, Optional.empty());
    }

    private List<Results.Hit> hits(SearchIndex.View view, SearchRequest request, Scope scope, Gate gate, List<Candidate> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<ItemId, Snippets> snippets = view.snippets(request, page);
        Map<ItemId, List<Candidate>> sets = new LinkedHashMap<>();
        for (Candidate member : gate.visible(view.languageSets(page.stream().map(c -> c.facts().languageSet()).distinct().toList(), scope))) {
            sets.computeIfAbsent(member.facts().languageSet(), s -> new ArrayList<>()).add(member);
        }
        return page.stream().map(c -> new Results.Hit(c, snippets.getOrDefault(c.id(), Snippets.NONE),
                sets.getOrDefault(c.facts().languageSet(), List.of()).stream().filter(m -> !m.id().equals(c.id())).toList())).toList();
    }

    /**
     * The items changed on the log since the view, or empty when there are too many to list (an index rebuilding or
     * far behind): then each candidate is checked against the store instead.
     */
    private Optional<Set<ItemId>> stale(SearchIndex.View view) {
        List<ItemId> changed = log.changedAfter(view.position(), LAG_LIMIT + 1);
        return changed.size() > LAG_LIMIT ? Optional.empty() : Optional.of(Set.copyOf(changed));
    }

    /** Finding applied to candidates, withholding those whose indexed version is no longer the item's current state. */
    private final class Gate {
        private final Finder finder;
        private final Optional<Set<ItemId>> stale;
        private final Instant now;

        Gate(Finder finder, Optional<Set<ItemId>> stale, Instant now) {
            this.finder = finder;
            this.stale = stale;
            this.now = now;
        }

        /** Decisions already made in this search: the first page's candidates are the facets' window again. */
        private final Map<ItemId, Boolean> decided = new HashMap<>();

        List<Candidate> visible(List<Candidate> candidates) {
            List<Candidate> undecided = candidates.stream().filter(c -> !decided.containsKey(c.id())).toList();
            if (!undecided.isEmpty()) {
                Predicate<Candidate> current = stale.<Predicate<Candidate>>map(s -> c -> !s.contains(c.id())).orElseGet(() -> currentInStore(undecided));
                for (Candidate c : undecided) {
                    decided.put(c.id(), current.test(c) && finding.mayFind(finder, c.item(), c.version(), now));
                }
            }
            return candidates.stream().filter(c -> decided.get(c.id())).toList();
        }

        private Predicate<Candidate> currentInStore(List<Candidate> candidates) {
            Map<ItemId, Item> states = items.byIds(candidates.stream().map(Candidate::id).toList());
            return c -> {
                Item state = states.get(c.id());
                return state != null && state.latestVersion() == c.version().number() && state.killed() == c.item().killed();
            };
        }
    }
}
