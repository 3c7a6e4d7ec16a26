package ponte.core.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.BitSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/**
 * The one entitlement gate. Every path that hands content to a partner (the feed, item reads, pushes, search)
 * asks this class, and only this class, whether the partner may have it.
 *
 * <p>It holds an immutable snapshot of the {@link Network} ({@link Snapshot}); a refresh swaps in a new one after
 * licences or orgs change, so readers never block and never see half an update. {@link #refresh(Set)} rebuilds only
 * the partitions of the orgs a change concerns (tens of milliseconds at a million licences, where rebuilding the whole
 * index takes seconds) and leaves the whole index's rebuild to a background executor.
 */
public final class Entitlements implements AutoCloseable {
    private final NetworkSource source;
    private final Executor background;
    /** Stops the background executor if this gate made it ({@link #rebuildingInBackground}); nothing otherwise. */
    private final Runnable stop;
    private volatile boolean closed;
    private final int partitions;
    private volatile Snapshot snapshot;
    /** Incremental refreshes so far; the stamp of each partition's latest (the last slot: co-productions'). Guarded by this. */
    private long changes;
    private final long[] stamps;
    /** Bumped by each whole refresh on a caller's thread: a background rebuild begun before one is stale. Guarded by this. */
    private long wholeReads;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    /** A gate that reads the whole network at every refresh (tests and tools: small networks). */
    public Entitlements(Supplier<Network> source) {
        this(NetworkSource.of(source), Runnable::run);
    }

    /**
     * @param background where the whole index is rebuilt after {@link #refresh(Set)}s have left partitions of their
     *     own (never a request thread); {@code Runnable::run} rebuilds at once, on the caller's thread
     */
    public Entitlements(NetworkSource source, Executor background) {
        this(source, background, Snapshot.PARTITIONS);
    }

    Entitlements(NetworkSource source, Executor background, int partitions) {
        this(source, background, () -> {}, partitions);
    }

    private Entitlements(NetworkSource source, Executor background, Runnable stop, int partitions) {
        this.source = source;
        this.background = background;
        this.stop = stop;
        this.partitions = partitions;
        this.stamps = new long[partitions + 1];
        this.snapshot = Snapshot.of(Network.EMPTY, partitions, 0);
        refresh();
    }

    /**
     * A gate that rebuilds the whole index on a daemon thread of its own, {@code entitlements-rebuild}, which
     * {@link #close} stops: what a node uses.
     */
    public static Entitlements rebuildingInBackground(NetworkSource source) {
        ExecutorService rebuilds = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("entitlements-rebuild").factory());
        return new Entitlements(source, rebuilds, () -> stop(rebuilds), Snapshot.PARTITIONS);
    }

    /**
     * Stops the background rebuilds of a gate that made its own thread: a rebuild under way may finish (it reads the
     * network, so close the gate before the store), one still queued is dropped. The gate keeps answering with the
     * snapshot it has, and later refreshes still publish theirs; only the whole index is no longer rebuilt.
     */
    @Override
    public void close() {
        closed = true;
        stop.run();
    }

    private static void stop(ExecutorService rebuilds) {
        rebuilds.shutdown();
        try {
            // A rebuild reads the whole network (seconds at a million licences); a node closing waits no longer than this.
            if (!rebuilds.awaitTermination(10, TimeUnit.SECONDS)) {
                rebuilds.shutdownNow();
            }
        } catch (InterruptedException e) {
            rebuilds.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Re-reads the whole network and rebuilds every index, on the caller's thread (seconds at a million licences). */
    public synchronized void refresh() {
        wholeReads++;
        snapshot = Snapshot.of(source.whole(), partitions, snapshot.number + 1);
    }

    /**
     * Re-reads what concerns these orgs (their licences, in force or not, their territories, and every co-production's
     * party territories) and rebuilds only their partitions: call after a change to an agreement naming them, to their
     * orgs or outlets, or (with no orgs) to a co-production. The new snapshot is published before this returns, so a
     * request after it sees the change; the whole index is rebuilt later on the background executor.
     */
    public void refresh(Set<OrgId> orgs) {
        // Read outside the monitor (a database query), so that refreshes, feed readers' freshness checks and the log
        // writer do not queue behind one another's reads; published inside it.
        Snapshot readOver = snapshot;
        Network part = source.concerning(orgs);
        synchronized (this) {
            if (snapshot != readOver) {
                // Something was published while this read ran (a refresh, maybe of the same orgs, each also carrying
                // every co-production; or a rebuild) and may come from a newer read: read again, under the monitor as
                // before, so that a stale read never overwrites a newer one. Rare: refreshes follow agreement changes.
                part = source.concerning(orgs);
            }
            Snapshot next = snapshot.with(orgs, part, snapshot.number + 1);
            changes++;
            orgs.forEach(org -> stamps[next.partitionOf(org)] = changes);
            stamps[partitions] = changes;
            snapshot = next;
        }
        if (!closed && rebuilding.compareAndSet(false, true)) {
            try {
                background.execute(this::rebuild);
            } catch (RejectedExecutionException closing) {
                rebuilding.set(false); // closed between the check and here: the node is going away, nothing to rebuild for
            }
        }
    }

    /** The whole index read again, with the partitions changed while it was read taken from the snapshot of then. */
    private void rebuild() {
        rebuilding.set(false); // a change from here on asks for another rebuild
        long since;
        long reads;
        synchronized (this) {
            since = changes;
            reads = wholeReads;
        }
        Snapshot fresh = Snapshot.of(source.whole(), partitions, 0);
        synchronized (this) {
            if (reads != wholeReads) {
                return; // a whole refresh since read the network later than this
            }
            BitSet keep = new BitSet(partitions);
            for (int p = 0; p < partitions; p++) {
                keep.set(p, stamps[p] > since);
            }
            snapshot = fresh.keeping(snapshot, keep, stamps[partitions] > since, snapshot.number + 1);
        }
    }

    /** How many partitions route from an index of their own beside the whole one (0 once a rebuild has caught up). */
    int changedPartitions() {
        return snapshot.changedPartitions();
    }

    /**
     * Whether the partner may read this version now. Corrections and kills reach whoever received the item
     * earlier, even if its licence has ended since.
     */
    public boolean mayReceive(OrgId partner, Item item, Version version, boolean receivedEarlier, Instant now) {
        return access(partner, item, version, receivedEarlier, now).isPresent();
    }

    /**
     * Why the partner may read this version now, or empty if it may not: the same decision as {@link #mayReceive},
     * with the licence that grants it, which the reader's copy states as its terms. A correction or kill reaching an
     * earlier recipient whose licence no longer grants it comes with no licence.
     */
    public Optional<Access> access(OrgId partner, Item item, Version version, boolean receivedEarlier, Instant now) {
        return reader(partner, now).access(item, version, receivedEarlier);
    }

    /**
     * The gate as one partner meets it now, for judging many entries in a row (a feed page): the same decision as
     * {@link #access}, against one snapshot of the network, with the partner looked up once.
     */
    public Reader reader(OrgId partner, Instant now) {
        Snapshot s = snapshot;
        RoutingIndex index = s.indexOf(partner);
        return new Reader(index, s.number, index.ordinalOf(partner), now);
    }

    /** See {@link #reader}. Not thread-safe; one per request. */
    public static final class Reader {
        private final RoutingIndex index;
        private final long network;
        private final int partner;
        private final Instant now;

        private Reader(RoutingIndex index, long network, int partner, Instant now) {
            this.index = index;
            this.network = network;
            this.partner = partner;
            this.now = now;
        }

        public Optional<Access> access(Item item, Version version, boolean receivedEarlier) {
            int licence = index.grantingLicence(partner, item, version, now);
            if (licence >= 0) {
                return index.access(licence);
            }
            return receivedEarlier && version.event().followsRecipients() ? AS_EARLIER_RECIPIENT : Optional.empty();
        }

        /**
         * Until when {@link #access} stays this reader's answer for this version, the network unchanged: the earliest
         * instant after now at which one of the partner's licences starts, ends, or lets an embargo lapse for it
         * ({@link Instant#MAX} if none will). An earlier recipient's correction or kill is let through regardless of time.
         */
        public Instant holdsUntil(Item item, Version version) {
            return index.holdsUntil(partner, item, version, now);
        }

        /**
         * The number of the network this reader judges against: for the same partner and the same number, an answer
         * an earlier reader gave still holds until its {@link #holdsUntil}. Every refresh (an agreement suspended or
         * ended, an org's territories changed) makes a new number. A number, not the network, is what callers keep, so
         * that remembering an answer never keeps an old network in memory.
         */
        public long network() {
            return network;
        }

        /** The instant this reader judges at. */
        public Instant now() {
            return now;
        }
    }

    /** A yes from the gate: under this licence, or (no licence) as an earlier recipient of a correction or kill. */
    public record Access(Optional<Licence> licence) {
        public static final Access EARLIER_RECIPIENT = new Access(Optional.empty());
    }

    private static final Optional<Access> AS_EARLIER_RECIPIENT = Optional.of(Access.EARLIER_RECIPIENT);

    Optional<Licence> grantingLicence(OrgId partner, Item item, Version version, Instant now) {
        return snapshot.indexOf(partner).grantingLicence(partner, item, version, now);
    }

    /**
     * The licences in force to the partner. For narrowing a search to what could possibly be granted, never for
     * deciding: only {@link #mayReceive} decides.
     */
    public List<Licence> licencesTo(OrgId partner) {
        return snapshot.indexOf(partner).to(partner);
    }

    /**
     * Where a partner may use what a licensor's licence carried to it, for reach reports: its own and its outlets'
     * countries that the item's rights and the licensor's licences in force to it allow (only the rights when none is in
     * force any more: an earlier recipient's correction or kill).
     */
    public Set<CountryCode> usableCountries(OrgId partner, Optional<OrgId> licensor, Territories rights) {
        List<Licence> licences = licensor.map(l -> licencesTo(partner).stream().filter(licence -> licence.licensor().equals(l)).toList())
                .orElse(List.of());
        Set<CountryCode> usable = new java.util.TreeSet<>();
        for (CountryCode c : snapshot.territoriesOf(partner)) {
            if (rights.allows(c) && (licences.isEmpty() || licences.stream().anyMatch(l -> l.territories().allows(c)))) {
                usable.add(c);
            }
        }
        return usable;
    }

    /**
     * Whether a licence of an agreement in force is within its validity window now: what a list of the licences in
     * force shows. For listing, never for deciding: only {@link #mayReceive} decides.
     */
    public boolean current(Licence licence, Instant now) {
        return licence.validity().contains(now);
    }

    /**
     * Every licence from an owner of the item to the partner, in force or on paper only, weighed, with the reasons each
     * grants or refuses (for support desks). Other licensors' licences to the partner have nothing to say about the item.
     */
    public List<Verdict> explain(OrgId partner, Item item, Version version, Instant now) {
        Snapshot s = snapshot;
        List<Verdict> verdicts = new ArrayList<>();
        for (Licence licence : s.indexOf(partner).to(partner)) {
            if (item.ownedBy(licence.licensor())) {
                verdicts.add(Rule.weigh(licence, s.territoriesOf(partner), item, version, now, s.coproduction(item.id())));
            }
        }
        // Licences on paper but not in force (an approval missing, a suspension) are weighed too, with why first.
        for (Network.Dormant dormant : s.dormantTo(partner)) {
            if (item.ownedBy(dormant.licence().licensor())) {
                List<String> refusals = new ArrayList<>();
                refusals.add(dormant.reason());
                refusals.addAll(Rule.weigh(dormant.licence(), s.territoriesOf(partner), item, version, now,
                        s.coproduction(item.id())).refusals());
                verdicts.add(new Verdict(dormant.licence(), refusals));
            }
        }
        return verdicts;
    }

    /**
     * The partners a version goes to now, each with the event as it sees it. {@code received} maps each partner that
     * received the item to the highest version it received. An entitled partner gets the version unless it already
     * has it (a first receipt reads "published"); for a correction or kill, so does everyone who received an earlier
     * version, licence or not. A kill is never sent to someone who never had the item.
     */
    public List<Route> route(Item item, Version version, Map<OrgId, Integer> received, Instant now) {
        // A list, not a map keyed by partner: an item can go to tens of thousands of partners, and the index already
        // names each entitled partner once; the only overlap, earlier recipients of a correction, is skipped here.
        // The index hands out each partner's one first-receipt route: a new item (nobody received it) is routed as is.
        boolean toEarlierRecipients = version.event().followsRecipients();
        List<Route> entitled = snapshot.entitled(item, version, now);
        if (received.isEmpty()) {
            return version.isKill() ? new ArrayList<>() : entitled;
        }
        List<Route> routes = new ArrayList<>(entitled.size() + received.size());
        for (Route first : entitled) {
            Integer last = received.get(first.partner());
            if (last == null) {
                if (!version.isKill()) {
                    routes.add(first);
                }
            } else if (!toEarlierRecipients && last < version.number()) {
                routes.add(new Route(first.partner(), version.event()));
            } // an earlier recipient of a correction or kill is routed below, with every other one
        }
        if (toEarlierRecipients) {
            received.forEach((partner, last) -> {
                if (last < version.number()) {
                    routes.add(new Route(partner, version.event()));
                }
            });
        }
        return routes;
    }

    /**
     * The earliest moment after {@code now} at which a licence that refuses this version only for timing (an
     * embargo, an embargo delay, a licence not yet valid) would grant it: when the version must be released again.
     */
    public Optional<Instant> nextRelease(Item item, Version version, Instant now) {
        return snapshot.nextRelease(item, version, now);
    }
}
