package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.media.HeldItem;
import ponte.core.media.HeldItems;
import ponte.core.orgs.OrgId;

/** Held publish requests in one table; a row taken is deleted, so only one node publishes it. */
public final class JdbcHeldItems implements HeldItems {
    private final Jdbc jdbc;

    public JdbcHeldItems(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void hold(HeldItem h) {
        jdbc.update("""
                insert into held_items (id, org_id, role, key_id, person, item_id, body, base, media_ids, reason, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                h.id(), h.caller().org().value(), h.caller().role().name(), h.caller().key().map(KeyId::value), h.caller().person(),
                h.item().map(ItemId::value), h.body(), h.base(), String.join(",", h.media()), h.reason(), h.createdAt());
    }

    @Override
    public List<HeldItem> all() {
        return jdbc.query("select * from held_items order by created_at, id", JdbcHeldItems::held);
    }

    @Override
    public List<HeldItem> of(ItemId item) {
        return jdbc.query("select * from held_items where item_id = ? order by created_at, id", JdbcHeldItems::held, item.value());
    }

    @Override
    public Optional<HeldItem> byId(String id) {
        return jdbc.one("select * from held_items where id = ?", JdbcHeldItems::held, id);
    }

    @Override
    public List<HeldItem> naming(String mediaId) {
        // media_ids is the ids joined by commas; an id has none.
        return jdbc.query("select * from held_items where ',' || media_ids || ',' like ? order by created_at, id", JdbcHeldItems::held,
                "%," + mediaId + ",%");
    }

    @Override
    public boolean take(String id) {
        return jdbc.update("delete from held_items where id = ?", id) == 1;
    }

    @Override
    public void stuck(String id, String reason) {
        jdbc.update("update held_items set reason = ? where id = ?", reason, id);
    }

    private static HeldItem held(ResultSet rs) throws SQLException {
        Caller.Member caller = new Caller.Member(new OrgId(rs.getString("org_id")), Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("key_id")).map(KeyId::new), Optional.empty(), Optional.ofNullable(rs.getString("person")));
        return new HeldItem(rs.getString("id"), caller, Optional.ofNullable(rs.getString("item_id")).map(ItemId::new),
                rs.getString("body"), rs.getString("base"), Arrays.asList(rs.getString("media_ids").split(",")),
                Optional.ofNullable(rs.getString("reason")), Jdbc.instant(rs, "created_at"));
    }
}
