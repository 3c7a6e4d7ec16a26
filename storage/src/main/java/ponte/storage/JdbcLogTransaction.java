package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.KeyId;
import ponte.core.audit.AuditEntry;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.log.Appended;
import ponte.core.orgs.OrgId;
import ponte.core.publishing.LogTransaction;

/**
 * The log writer's transaction on one connection, as {@link ponte.core.publishing.Appending} reads and writes it.
 *
 * <p>{@link #batched Batched}, the rows every entry writes (item, owners, version, log entry, routes, audit entry) are
 * kept in {@link LogRows} and written at the group's end, one JDBC batch (or, on PostgreSQL, one COPY) per table; what the group wrote so far is read
 * from memory ({@link #itemWithUri}, {@link #item}, {@link #version}), since the database does not hold it yet. The
 * rare writes (language sets, drafts, releases, translation tasks) go to the database at once, after the rows they
 * depend on. A change refused before any of its writes reached the database is {@link #discard() discarded} from
 * memory; one refused after is not, and the writer redoes the group {@link #immediate} with a savepoint per change.
 */
final class JdbcLogTransaction implements LogTransaction {
    @FunctionalInterface
    private interface Statement<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    private final Connection c;
    private final boolean deferred;
    private final LogRows rows;
    // What this group wrote, by item id (with owners), item uri, and item id + "#" + version number.
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, String> uris = new HashMap<>();
    private final Map<String, Version> versions = new HashMap<>();
    /** Items with rows kept and not written yet (a release's entry writes no item row, yet has routes). */
    private final Set<String> unwritten = new HashSet<>();
    /** Items this group inserted and booked no release for: none can be due or cancelled. */
    private final Set<String> withoutReleases = new HashSet<>();
    /** How to take the current change's entries out of the maps above, newest first. */
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private LogRows.Mark mark;
    private boolean wroteThrough;

    private JdbcLogTransaction(Connection c, boolean deferred, boolean copy) {
        this.c = c;
        this.deferred = deferred;
        this.rows = new LogRows(copy);
        this.mark = rows.mark();
    }

    /** Every write is a statement at once (the writer's fallback, with a savepoint per change). */
    static JdbcLogTransaction immediate(Connection c) {
        return new JdbcLogTransaction(c, false, false);
    }

    /**
     * Rows are kept until {@link #flush()}; {@link #begin()} before each change. {@code copy}: a table's rows go in by
     * COPY when there are many (PostgreSQL only; H2 has no COPY).
     */
    static JdbcLogTransaction batched(Connection c, boolean copy) {
        return new JdbcLogTransaction(c, true, copy);
    }

    /** The next change starts: what it keeps can be {@link #discard() discarded} until it writes through. */
    void begin() {
        mark = rows.mark();
        undo.clear();
        wroteThrough = false;
    }

    /**
     * Takes the current change's rows out, as if it had never been tried; false, taking nothing out, when some of its
     * writes reached the database already (the transaction must then be rolled back and the group redone).
     */
    boolean discard() {
        if (wroteThrough) {
            return false;
        }
        rows.truncate(mark);
        undo.forEach(Runnable::run);
        undo.clear();
        return true;
    }

    /** Writes every row kept, one batch per table. */
    void flush() throws SQLException {
        if (rows.addedSince(mark)) {
            wroteThrough = true; // the current change's rows are in the database now
        }
        rows.write(c);
        unwritten.clear();
        mark = rows.mark();
    }

    @Override
    public Optional<Item> itemWithUri(String uri) {
        String id = uris.get(uri);
        return id != null ? Optional.of(items.get(id)) : sql(() -> ItemRows.item(c, "uri", uri));
    }

    @Override
    public Optional<Item> item(ItemId id) {
        Item written = items.get(id.value());
        return written != null ? Optional.of(written) : sql(() -> ItemRows.item(c, "id", id.value()));
    }

    @Override
    public Optional<Version> version(ItemId item, int number) {
        Version written = versions.get(item.value() + "#" + number);
        return written != null ? Optional.of(written) : sql(() -> ItemRows.version(c, item, number));
    }

    @Override
    public Map<OrgId, Integer> received(ItemId item) {
        return sql(() -> {
            flushIfWritten(item);
            Map<OrgId, Integer> out = new HashMap<>();
            Jdbc.query(c, """
                    select r.org_id, max(l.version) from routes r join content_log l on l.seq = r.seq
                    where r.item_id = ? group by r.org_id""",
                    rs -> out.put(new OrgId(rs.getString(1)), rs.getInt(2)), item.value());
            return out;
        });
    }

    @Override
    public Optional<ItemId> languageSet(ItemId item) {
        return sql(() -> LanguageSets.setOf(c, item)); // language_versions is only ever written at once
    }

    @Override
    public void insertItem(Item item) {
        keep(() -> rows.insertItem(item));
        unwritten.add(item.id().value());
        remember(items, item.id().value(), item);
        remember(uris, item.uri(), item.id().value());
        String id = item.id().value();
        if (deferred && withoutReleases.add(id)) {
            undo.push(() -> withoutReleases.remove(id));
        }
    }

    @Override
    public void updateItem(Item item) {
        keep(() -> rows.updateItem(item));
        remember(items, item.id().value(), item);
    }

    @Override
    public void insertVersion(Version version, Optional<KeyId> key) {
        keep(() -> rows.insertVersion(version, key));
        remember(versions, version.item().value() + "#" + version.number(), version);
    }

    @Override
    public void append(Appended entry) {
        keep(() -> rows.append(entry));
        unwritten.add(entry.revision().item().id().value());
    }

    @Override
    public void audit(AuditEntry entry) {
        keep(() -> rows.audit(entry));
    }

    @Override
    public void joinLanguageSet(ItemId item, ItemId set) {
        at(() -> {
            flushIfWritten(item);
            flushIfWritten(set);
            LanguageSets.join(c, item, set);
        });
    }

    @Override
    public void markTranslationsOutdated(ItemId set, ItemId source) {
        at(() -> Jdbc.update(c, "update language_versions set needs_update = true where set_id = ? and item_id <> ?", set.value(), source.value()));
    }

    @Override
    public void markTranslationRevised(ItemId item) {
        at(() -> Jdbc.update(c, "update language_versions set needs_update = false where item_id = ? and needs_update", item.value()));
    }

    @Override
    public void closeTranslationTasks(ItemId set, String language, Instant at) {
        at(() -> Jdbc.update(c, """
                update translation_tasks set done_at = ? where done_at is null and lower(language) = lower(?)
                and item_id in (select item_id from language_versions where set_id = ?)""", at, language, set.value()));
    }

    @Override
    public boolean releaseDraft(ItemId item, int draft, int version) {
        wroteThrough = true;
        return sql(() -> Jdbc.update(c, "update item_drafts set released_as = ? where item_id = ? and draft = ? and released_as is null",
                version, item.value(), draft) == 1);
    }

    @Override
    public void cancelReleases(ItemId item) {
        if (!withoutReleases.contains(item.value())) {
            at(() -> Releases.cancel(c, item));
        }
    }

    @Override
    public void dropReleasesDue(ItemId item, Instant now) {
        if (!withoutReleases.contains(item.value())) {
            at(() -> Releases.dropDue(c, item, now));
        }
    }

    @Override
    public void bookRelease(ItemId item, Instant at) {
        at(() -> {
            flushIfWritten(item); // releases name their item
            Releases.book(c, item.value(), at);
        });
        if (withoutReleases.remove(item.value())) {
            undo.push(() -> withoutReleases.add(item.value()));
        }
    }

    /** Rows of every table: kept, or (immediate) written at once. */
    private void keep(Runnable add) {
        add.run();
        if (!deferred) {
            at(this::flush);
        }
    }

    /** Reads or writes that need what the group wrote of {@code item} in the database first. */
    private void flushIfWritten(ItemId item) throws SQLException {
        if (deferred && unwritten.contains(item.value())) {
            flush();
        }
    }

    /** What the group wrote, for its later changes to read: only while the database does not hold it yet. */
    private <K, V> void remember(Map<K, V> map, K key, V value) {
        if (!deferred) {
            return;
        }
        V before = map.put(key, value);
        undo.push(before == null ? () -> map.remove(key) : () -> map.put(key, before));
    }

    /** A write that goes to the database now. */
    private void at(Write write) {
        wroteThrough = true;
        try {
            write.run();
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    private static <T> T sql(Statement<T> statement) {
        try {
            return statement.run();
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }
}
