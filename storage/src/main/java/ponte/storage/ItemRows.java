package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.access.KeyId;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.Territories;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** Reading and writing item and version rows, shared by the log writer and the readers. */
final class ItemRows {
    private ItemRows() {}

    static Optional<Item> item(Connection c, String column, String value) throws SQLException {
        List<Item> found = Jdbc.query(c, "select * from items where " + column + " = ?", rs -> itemWithoutOwners(rs), value);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Item bare = found.getFirst();
        return Optional.of(withOwners(bare, owners(c, List.of(bare.id().value())).getOrDefault(bare.id().value(), Set.of())));
    }

    static Map<String, Set<OrgId>> owners(Connection c, Collection<String> itemIds) throws SQLException {
        Map<String, Set<OrgId>> owners = new HashMap<>();
        if (itemIds.isEmpty()) {
            return owners;
        }
        String marks = String.join(", ", Collections.nCopies(itemIds.size(), "?"));
        for (String[] row : Jdbc.query(c, "select item_id, org_id from item_owners where item_id in (" + marks + ")",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, itemIds.toArray())) {
            owners.computeIfAbsent(row[0], k -> new HashSet<>()).add(new OrgId(row[1]));
        }
        return owners;
    }

    static Item itemWithoutOwners(ResultSet rs) throws SQLException {
        return new Item(new ItemId(rs.getString("id")), rs.getString("uri"), Set.of(), rs.getInt("latest_version"),
                Jdbc.instant(rs, "first_created"), rs.getBoolean("killed"));
    }

    static Item withOwners(Item item, Set<OrgId> owners) {
        return new Item(item.id(), item.uri(), owners, item.latestVersion(), item.firstCreated(), item.killed());
    }

    static Optional<Version> version(Connection c, ItemId id, int number) throws SQLException {
        return Jdbc.query(c, "select * from versions where item_id = ? and version = ?", ItemRows::version, id.value(), number)
                .stream().findFirst();
    }

    static Version version(ResultSet rs) throws SQLException {
        Content content = new Content(rs.getString("ninjs"), Optional.ofNullable(rs.getString("language")),
                Jdbc.maybeInstant(rs, "embargoed_until"), rs.getString("type"), Optional.ofNullable(rs.getString("headline")));
        return new Version(new ItemId(rs.getString("item_id")), rs.getInt("version"), Event.fromWire(rs.getString("event")),
                Jdbc.instant(rs, "created_at"), content, Words.split(rs.getString("products"), ProductId::new),
                Territories.of(Words.split(rs.getString("rights_include"), Function.identity()),
                        Words.split(rs.getString("rights_exclude"), Function.identity())),
                Optional.ofNullable(rs.getString("kill_reason")));
    }

    static final String VERSION_COLUMNS = "item_id, version, event, created_at, ninjs, language, embargoed_until, type, headline, "
            + "products, rights_include, rights_exclude, kill_reason, key_id";

    /** A version's columns in the order {@link #VERSION_COLUMNS} names them. */
    static Object[] versionRow(Version v, Optional<KeyId> key) {
        return new Object[] {v.item().value(), v.number(), v.event().wire(), v.created(), v.content().ninjs(), v.content().language(),
                v.content().embargoedUntil(), v.content().type(), v.content().headline().map(h -> h.length() > 2000 ? h.substring(0, 2000) : h),
                Words.join(v.products(), ProductId::value), String.join(" ", v.rights().includeWire()),
                String.join(" ", v.rights().excludeWire()), v.killReason(), key.map(KeyId::value)};
    }
}
