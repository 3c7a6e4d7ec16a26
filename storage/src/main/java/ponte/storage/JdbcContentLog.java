package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import ponte.core.PonteException;
import ponte.core.items.Change;
import ponte.core.publishing.Desk;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.log.Revision;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEntry;
import ponte.core.orgs.OrgId;

/**
 * The embedded content log: a table whose rows are written by one writer thread. One writer gives a total order in
 * which sequence order equals commit order, so a reader's cursor can never pass an entry that commits later. The
 * writer commits waiting changes together (group commit), which keeps durable commits from capping throughput; each
 * change runs inside its own savepoint, so one refused change does not fail the others in its group.
 */
public final class JdbcContentLog implements ContentLog, AutoCloseable {
    private static final int GROUP = 256;
    /** Routes of recent entries kept in memory for feed reads near the head (about 2 KB of ninjs per entry, shared). */
    private static final int RECENT_ROUTES = 200_000;

    private record Pending(Change change, CompletableFuture<Appended> result) {}

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final Desk desk;
    private final Clock clock;
    private final boolean postgres;
    private final Consumer<List<LogEntry>> committed;
    private final Runnable networkChanged;
    /** The network version the entitlement snapshot was last refreshed for, by the writer or by a reader. */
    private volatile long networkJudged = -1;
    private final Object networkRefresh = new Object();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
    private final Thread writer;
    private volatile boolean running = true;
    private long lastSeq;
    private final RecentRoutes recent;

    /**
     * @param committed told of each group of entries once it is durable, in log order (the log tail, or the Kafka
     *     relay's wake-up); it runs on the writer thread, so it must only hand the entries on
     * @param networkChanged run before routing when orgs, outlets or agreements changed since the last group (on any
     *     node): it refreshes the entitlement snapshot
     */
    public JdbcContentLog(Database db, Desk desk, Clock clock, Consumer<List<LogEntry>> committed, Runnable networkChanged) {
        this.dataSource = db.dataSource();
        this.clock = clock;
        this.postgres = db.isPostgres();
        this.committed = committed;
        this.networkChanged = networkChanged;
        this.jdbc = new Jdbc(dataSource);
        this.desk = desk;
        this.lastSeq = head().seq();
        // The snapshot was built before this log (the gate is wired first): it is at least this new.
        this.networkJudged = new NetworkVersion(db).current();
        // Only where this writer is the only one: on PostgreSQL other nodes append too, and a node's memory would
        // hold its own entries only, with gaps where the others' fall.
        this.recent = postgres ? null : new RecentRoutes(lastSeq, RECENT_ROUTES);
        this.writer = Thread.ofPlatform().name("ponte-log-writer").daemon().start(this::write);
    }

    @Override
    public Appended append(Change change) {
        CompletableFuture<Appended> result = new CompletableFuture<>();
        try {
            if (!running || !queue.offer(new Pending(change, result), 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the content log is not accepting changes");
            }
            return result.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending", e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void write() {
        GroupCommit.run(queue, GROUP, () -> running, this::commit);
    }

    private void commit(List<Pending> group) {
        Map<Pending, Object> outcomes = new LinkedHashMap<>();
        long seqBefore = lastSeq;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (postgres) {
                // Several nodes may append to one PostgreSQL: a transaction-scoped advisory lock makes them take
                // turns, so sequence order stays commit order across the cluster; the sequence is re-read under it.
                // Keyed by schema: two Ponte installations in one database do not wait for each other.
                Jdbc.query(c, "select pg_advisory_xact_lock(hashtext('ponte-append:' || current_schema()))", rs -> 1);
                lastSeq = Jdbc.query(c, "select coalesce(max(seq), 0) from content_log", rs -> rs.getLong(1)).getFirst();
                seqBefore = lastSeq;
            }
            // Route with the network as committed now: a licence approved on another node must count at once.
            judgeWithNetwork(NetworkVersion.read(c));
            for (Pending p : group) {
                Savepoint savepoint = c.setSavepoint();
                try {
                    outcomes.put(p, appendOne(c, p.change(), lastSeq + 1));
                    lastSeq++;
                } catch (PonteException refused) {
                    c.rollback(savepoint);
                    outcomes.put(p, refused);
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException failure) {
            lastSeq = seqBefore;
            RuntimeException error = failure instanceof SQLException s ? new StorageFailure(s) : (RuntimeException) failure;
            group.forEach(p -> p.result().completeExceptionally(error));
            return;
        }
        // Only now, after the commit returned, is anyone told their change is on the log.
        List<LogEntry> entries = new ArrayList<>();
        outcomes.values().forEach(outcome -> {
            if (outcome instanceof Appended a) {
                entries.add(new LogEntry(a.cursor(), a.revision().logEvent(), a.revision().item(), a.revision().version(), a.revision().routes()));
            }
        });
        if (recent != null) {
            recent.add(outcomes.values().stream().filter(Appended.class::isInstance).map(Appended.class::cast).toList());
        }
        outcomes.forEach((p, outcome) -> {
            if (outcome instanceof Appended a) {
                p.result().complete(a);
            } else {
                p.result().completeExceptionally((Throwable) outcome);
            }
        });
        if (!entries.isEmpty()) {
            committed.accept(entries);
        }
    }

    private Appended appendOne(Connection c, Change change, long seq) throws SQLException {
        Optional<Item> current = switch (change) {
            case Change.Publish p -> p.uri().isPresent() ? ItemRows.item(c, "uri", p.uri().get()) : Optional.empty();
            case Change.Revise r -> ItemRows.item(c, "id", r.item().value());
            case Change.Kill k -> ItemRows.item(c, "id", k.item().value());
            case Change.Release r -> ItemRows.item(c, "id", r.item().value());
        };
        Optional<Version> latest = current.isPresent() ? ItemRows.version(c, current.get().id(), current.get().latestVersion()) : Optional.empty();
        Map<OrgId, Integer> received = current.isPresent() ? received(c, current.get().id()) : Map.of();
        Revision revision = desk.apply(current, latest, change, received);
        Item item = revision.item();
        Version version = revision.version();
        if (revision.release()) {
            // no new version: the entry re-routes the latest one
        } else if (version.number() == 1) {
            Jdbc.update(c, "insert into items (id, uri, latest_version, first_created, killed) values (?, ?, ?, ?, ?)",
                    item.id().value(), item.uri(), 1, item.firstCreated(), item.killed());
            for (OrgId owner : item.owners()) {
                Jdbc.update(c, "insert into item_owners (item_id, org_id) values (?, ?)", item.id().value(), owner.value());
            }
        } else {
            Jdbc.update(c, "update items set latest_version = ?, killed = ? where id = ?", version.number(), item.killed(), item.id().value());
        }
        if (!revision.release()) {
            ItemRows.insertVersion(c, version);
        }
        if (change instanceof Change.Publish p && p.translationOf().isPresent()) {
            LanguageSets.link(c, item, p.translationOf().get(), p.by());
        }
        Instant now = clock.instant();
        Jdbc.update(c, "insert into content_log (seq, item_id, version, event, appended_at) values (?, ?, ?, ?, ?)",
                seq, item.id().value(), version.number(), revision.logEvent(), now);
        insertRoutes(c, seq, item.id(), revision.routes());
        Releases.reschedule(c, item, revision.nextRelease(), now);
        return new Appended(new Cursor(seq), revision, now);
    }

    /** Each org that received the item, with the highest version it received. */
    private static Map<OrgId, Integer> received(Connection c, ItemId item) throws SQLException {
        Map<OrgId, Integer> out = new HashMap<>();
        Jdbc.query(c, """
                select r.org_id, max(l.version) from routes r join content_log l on l.seq = r.seq
                where r.item_id = ? group by r.org_id""",
                rs -> out.put(new OrgId(rs.getString(1)), rs.getInt(2)), item.value());
        return out;
    }

    private static void insertRoutes(Connection c, long seq, ItemId item, List<Route> routes) throws SQLException {
        if (routes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into routes (org_id, seq, item_id, event) values (?, ?, ?, ?)")) {
            for (Route r : routes) {
                Jdbc.bind(ps, r.partner().value(), seq, item.value(), r.event().wire());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Ordering by (org_id, seq), the primary key, rather than seq alone lets H2 read the index in order and stop
     * at the limit; with seq alone it sorted every route after the cursor first (measured: 90-240 ms per page at the
     * start of a 20,000-entry feed, against 0.2-0.5 ms at any position this way).
     */
    @Override
    public List<FeedEntry> routedTo(OrgId partner, Cursor after, int limit) {
        if (recent == null) {
            return routedFromDatabase(partner, after, limit);
        }
        return recent.after(partner, after, limit).orElseGet(() -> routedFromDatabase(partner, after, limit));
    }

    /**
     * Makes the entitlement snapshot at least as new as this network version (read from the database). Readers on
     * PostgreSQL call it for every page they take: a licence approved on another node a moment ago must count before
     * the gate filters a page, or the page's cursor would move past entries the partner is entitled to, for good.
     */
    public void judgeWithNetwork(long version) {
        if (version <= networkJudged) {
            return;
        }
        synchronized (networkRefresh) {
            if (version > networkJudged) {
                networkChanged.run();
                networkJudged = version;
            }
        }
    }

    private List<FeedEntry> routedFromDatabase(OrgId partner, Cursor after, int limit) {
        long[] network = {-1};
        List<FeedEntry> entries = jdbc.transaction(c -> {
            record Row(long seq, Event event, Item item, Version version, Instant at) {}
            List<Row> rows = Jdbc.query(c, """
                    select r.seq, r.event as routed_event, l.appended_at as entry_appended_at, i.id, i.uri, i.latest_version, i.first_created, i.killed, v.*
                    from routes r
                    join content_log l on l.seq = r.seq
                    join items i on i.id = l.item_id
                    join versions v on v.item_id = l.item_id and v.version = l.version
                    where r.org_id = ? and r.seq > ?
                    order by r.org_id, r.seq
                    limit ?""",
                    rs -> new Row(rs.getLong("seq"), Event.fromWire(rs.getString("routed_event")), ItemRows.itemWithoutOwners(rs), ItemRows.version(rs),
                            Jdbc.instant(rs, "entry_appended_at")),
                    partner.value(), after.seq(), limit);
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add(r.item().id().value()));
            Map<String, Set<OrgId>> owners = ItemRows.owners(c, ids);
            if (postgres && !rows.isEmpty()) {
                // Read after the routes: at least as new as the network any of these entries was routed under.
                network[0] = NetworkVersion.read(c);
            }
            return rows.stream()
                    .map(r -> new FeedEntry(new Cursor(r.seq()), r.event(),
                            ItemRows.withOwners(r.item(), owners.getOrDefault(r.item().id().value(), Set.of())), r.version(), r.at()))
                    .toList();
        });
        judgeWithNetwork(network[0]);
        return entries;
    }

    @Override
    public List<LogEntry> since(Cursor after, int limit) {
        return jdbc.transaction(c -> {
            record Row(long seq, String event, Item item, Version version) {}
            List<Row> rows = Jdbc.query(c, """
                    select l.seq, l.event as log_event, i.id, i.uri, i.latest_version, i.first_created, i.killed, v.*
                    from content_log l
                    join items i on i.id = l.item_id
                    join versions v on v.item_id = l.item_id and v.version = l.version
                    where l.seq > ?
                    order by l.seq
                    limit ?""",
                    rs -> new Row(rs.getLong("seq"), rs.getString("log_event"), ItemRows.itemWithoutOwners(rs), ItemRows.version(rs)),
                    after.seq(), limit);
            if (rows.isEmpty()) {
                return List.of();
            }
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add(r.item().id().value()));
            Map<String, Set<OrgId>> owners = ItemRows.owners(c, ids);
            Map<Long, List<Route>> routes = new HashMap<>();
            Jdbc.query(c, "select seq, org_id, event from routes where seq > ? and seq <= ?",
                    rs -> routes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Route(new OrgId(rs.getString(2)), Event.fromWire(rs.getString(3)))),
                    after.seq(), rows.getLast().seq());
            return rows.stream().map(r -> new LogEntry(new Cursor(r.seq()), r.event(),
                    ItemRows.withOwners(r.item(), owners.getOrDefault(r.item().id().value(), Set.of())), r.version(),
                    routes.getOrDefault(r.seq(), List.of()))).toList();
        });
    }

    @Override
    public List<IndexEntry> entries(Cursor after, int limit) {
        return jdbc.transaction(c -> {
            record Row(long seq, boolean release, Item item, Version version, String set) {}
            List<Row> rows = Jdbc.query(c, """
                    select l.seq, l.event as log_event, i.id, i.uri, i.latest_version, i.first_created, i.killed, v.*,
                           coalesce(s.set_id, i.id) as language_set
                    from content_log l
                    join items i on i.id = l.item_id
                    join versions v on v.item_id = l.item_id and v.version = l.version
                    left join language_versions s on s.item_id = l.item_id
                    where l.seq > ?
                    order by l.seq
                    limit ?""",
                    rs -> new Row(rs.getLong("seq"), "released".equals(rs.getString("log_event")), ItemRows.itemWithoutOwners(rs),
                            ItemRows.version(rs), rs.getString("language_set")),
                    after.seq(), limit);
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add(r.item().id().value()));
            Map<String, Set<OrgId>> owners = ItemRows.owners(c, ids);
            return rows.stream()
                    .map(r -> new IndexEntry(new Cursor(r.seq()), ItemRows.withOwners(r.item(), owners.getOrDefault(r.item().id().value(), Set.of())),
                            r.version(), r.release(), new ItemId(r.set())))
                    .toList();
        });
    }

    @Override
    public List<ItemId> changedAfter(Cursor after, int limit) {
        return jdbc.query("select item_id from content_log where seq > ? order by seq limit ?", rs -> new ItemId(rs.getString(1)), after.seq(), limit);
    }

    @Override
    public Cursor head() {
        return new Cursor(jdbc.one("select coalesce(max(seq), 0) from content_log", rs -> rs.getLong(1)).orElse(0L));
    }

    /** Changes waiting for the writer (a metric: a growing queue means the database cannot keep up). */
    public int queueDepth() {
        return queue.size();
    }

    @Override
    public Cursor before(Instant time) {
        return new Cursor(jdbc.one("select coalesce(max(seq), 0) from content_log where appended_at < ?", rs -> rs.getLong(1), time).orElse(0L));
    }

    /** Stops taking changes, finishes those already queued, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
