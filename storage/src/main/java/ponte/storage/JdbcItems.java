package ponte.storage;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.KeyId;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Owned;
import ponte.core.items.Version;
import ponte.core.items.VersionMade;
import ponte.core.orgs.OrgId;

public final class JdbcItems implements Items {
    private static final int CHUNK = 500;

    private final Jdbc jdbc;

    public JdbcItems(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Optional<Item> byId(ItemId id) {
        return jdbc.transaction(c -> ItemRows.item(c, "id", id.value()));
    }

    @Override
    public Optional<Item> byUri(String uri) {
        return jdbc.transaction(c -> ItemRows.item(c, "uri", uri));
    }

    @Override
    public Optional<Version> version(ItemId id, int number) {
        return jdbc.transaction(c -> ItemRows.version(c, id, number));
    }

    @Override
    public List<VersionMade> history(ItemId id, int after, int limit) {
        return jdbc.query("""
                select version, event, created_at, key_id, kill_reason from versions
                where item_id = ? and version > ? order by version limit ?""",
                rs -> new VersionMade(id, rs.getInt("version"), Event.fromWire(rs.getString("event")), Jdbc.instant(rs, "created_at"),
                        Optional.ofNullable(rs.getString("key_id")).map(KeyId::new), Optional.ofNullable(rs.getString("kill_reason"))),
                id.value(), after, limit);
    }

    @Override
    public Map<ItemId, Item> byIds(Collection<ItemId> ids) {
        Map<ItemId, Item> out = new HashMap<>();
        List<String> all = ids.stream().map(ItemId::value).distinct().toList();
        // Chunks keep the statement small whatever the caller asks for (search checks up to a window of candidates).
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.transaction(c -> {
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                List<Item> bare = Jdbc.query(c, "select * from items where id in (" + marks + ")", ItemRows::itemWithoutOwners, chunk.toArray());
                Map<String, Set<OrgId>> owners = ItemRows.owners(c, chunk);
                bare.forEach(i -> out.put(i.id(), ItemRows.withOwners(i, owners.getOrDefault(i.id().value(), Set.of()))));
                return null;
            });
        }
        return out;
    }

    @Override
    public Map<String, Item> byUris(Collection<String> uris) {
        Map<String, Item> out = new HashMap<>();
        List<String> all = uris.stream().distinct().toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.transaction(c -> {
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                List<Item> bare = Jdbc.query(c, "select * from items where uri in (" + marks + ")", ItemRows::itemWithoutOwners, chunk.toArray());
                if (!bare.isEmpty()) {
                    Map<String, Set<OrgId>> owners = ItemRows.owners(c, bare.stream().map(i -> i.id().value()).toList());
                    bare.forEach(i -> out.put(i.uri(), ItemRows.withOwners(i, owners.getOrDefault(i.id().value(), Set.of()))));
                }
                return null;
            });
        }
        return out;
    }

    @Override
    public List<ItemId> languageVersions(ItemId id) {
        return jdbc.query("""
                select o.item_id from language_versions m
                join language_versions o on o.set_id = m.set_id and o.item_id <> m.item_id
                join content_log l on l.item_id = o.item_id
                where m.item_id = ?
                group by o.item_id
                order by min(l.seq)""", rs -> new ItemId(rs.getString(1)), id.value());
    }

    @Override
    public Optional<ItemId> languageSource(ItemId id) {
        return jdbc.one("select set_id from language_versions where item_id = ?", rs -> new ItemId(rs.getString(1)), id.value());
    }

    @Override
    public java.util.Set<ItemId> needingUpdate(ItemId id) {
        return java.util.Set.copyOf(jdbc.query("""
                select o.item_id from language_versions m join language_versions o on o.set_id = m.set_id
                where m.item_id = ? and o.needs_update""", rs -> new ItemId(rs.getString(1)), id.value()));
    }

    /** How many items the log holds, in every state (the banner of a starting node says it). */
    public long count() {
        return jdbc.one("select count(*) from items", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public boolean received(OrgId org, ItemId id) {
        return jdbc.one("select 1 from routes where item_id = ? and org_id = ? limit 1", rs -> 1, id.value(), org.value()).isPresent();
    }

    @Override
    public List<Owned> ownedBy(OrgId org, Optional<Owned.Position> after, int limit) {
        String page = after.isEmpty() ? "" : " and (i.first_created < ? or i.first_created = ? and i.id < ?)";
        List<Object> params = new java.util.ArrayList<>(List.of(org.value()));
        after.ifPresent(p -> params.addAll(List.of(p.firstCreated(), p.firstCreated(), p.id().value())));
        params.add(limit);
        return jdbc.transaction(c -> {
            List<Item> bare = Jdbc.query(c, "select i.* from items i join item_owners o on o.item_id = i.id where o.org_id = ?" + page
                    + " order by i.first_created desc, i.id desc limit ?", ItemRows::itemWithoutOwners, params.toArray());
            Map<String, java.util.Set<OrgId>> owners = ItemRows.owners(c, bare.stream().map(i -> i.id().value()).toList());
            List<Owned> out = new java.util.ArrayList<>();
            for (Item i : bare) {
                Version latest = ItemRows.version(c, i.id(), i.latestVersion()).orElseThrow();
                out.add(new Owned(ItemRows.withOwners(i, owners.getOrDefault(i.id().value(), java.util.Set.of())), latest));
            }
            return out;
        });
    }
}
