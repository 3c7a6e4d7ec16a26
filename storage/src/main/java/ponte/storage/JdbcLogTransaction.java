package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.access.KeyId;
import ponte.core.audit.AuditEntry;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.Revision;
import ponte.core.orgs.OrgId;
import ponte.core.publishing.LogTransaction;

/** The log writer's transaction on one connection, as {@link ponte.core.publishing.Appending} reads and writes it. */
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

    JdbcLogTransaction(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<Item> itemWithUri(String uri) {
        return sql(() -> ItemRows.item(c, "uri", uri));
    }

    @Override
    public Optional<Item> item(ItemId id) {
        return sql(() -> ItemRows.item(c, "id", id.value()));
    }

    @Override
    public Optional<Version> version(ItemId item, int number) {
        return sql(() -> ItemRows.version(c, item, number));
    }

    @Override
    public Map<OrgId, Integer> received(ItemId item) {
        return sql(() -> {
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
        return sql(() -> LanguageSets.setOf(c, item));
    }

    @Override
    public void insertItem(Item item) {
        write(() -> {
            Jdbc.update(c, "insert into items (id, uri, latest_version, first_created, killed) values (?, ?, ?, ?, ?)",
                    item.id().value(), item.uri(), item.latestVersion(), item.firstCreated(), item.killed());
            for (OrgId owner : item.owners()) {
                Jdbc.update(c, "insert into item_owners (item_id, org_id) values (?, ?)", item.id().value(), owner.value());
            }
        });
    }

    @Override
    public void updateItem(Item item) {
        write(() -> Jdbc.update(c, "update items set latest_version = ?, killed = ? where id = ?", item.latestVersion(), item.killed(), item.id().value()));
    }

    @Override
    public void insertVersion(Version version, Optional<KeyId> key) {
        write(() -> ItemRows.insertVersion(c, version, key));
    }

    @Override
    public void joinLanguageSet(ItemId item, ItemId set) {
        write(() -> LanguageSets.join(c, item, set));
    }

    @Override
    public void markTranslationsOutdated(ItemId set, ItemId source) {
        write(() -> Jdbc.update(c, "update language_versions set needs_update = true where set_id = ? and item_id <> ?", set.value(), source.value()));
    }

    @Override
    public void markTranslationRevised(ItemId item) {
        write(() -> Jdbc.update(c, "update language_versions set needs_update = false where item_id = ? and needs_update", item.value()));
    }

    @Override
    public void closeTranslationTasks(ItemId set, String language, Instant at) {
        write(() -> Jdbc.update(c, """
                update translation_tasks set done_at = ? where done_at is null and lower(language) = lower(?)
                and item_id in (select item_id from language_versions where set_id = ?)""", at, language, set.value()));
    }

    @Override
    public boolean releaseDraft(ItemId item, int draft, int version) {
        return sql(() -> Jdbc.update(c, "update item_drafts set released_as = ? where item_id = ? and draft = ? and released_as is null",
                version, item.value(), draft) == 1);
    }

    @Override
    public void append(Appended entry) {
        long seq = entry.cursor().seq();
        ItemId item = entry.revision().item().id();
        write(() -> {
            Jdbc.update(c, "insert into content_log (seq, item_id, version, event, appended_at) values (?, ?, ?, ?, ?)",
                    seq, item.value(), entry.revision().version().number(), entry.revision().event().wire(), entry.at());
            insertRoutes(seq, item, entry.revision());
        });
    }

    private void insertRoutes(long seq, ItemId item, Revision revision) throws SQLException {
        List<Route> routes = revision.routes();
        if (routes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into routes (org_id, seq, item_id, event, licensor_id) values (?, ?, ?, ?, ?)")) {
            for (Route r : routes) {
                Jdbc.bind(ps, r.partner().value(), seq, item.value(), r.event().wire(), revision.licensorFor(r.partner()).map(OrgId::value));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void cancelReleases(ItemId item) {
        write(() -> Releases.cancel(c, item));
    }

    @Override
    public void dropReleasesDue(ItemId item, Instant now) {
        write(() -> Releases.dropDue(c, item, now));
    }

    @Override
    public void bookRelease(ItemId item, Instant at) {
        write(() -> Releases.book(c, item.value(), at));
    }

    @Override
    public void audit(AuditEntry entry) {
        write(() -> JdbcAuditTrail.insert(c, entry));
    }

    private static void write(Write write) {
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
