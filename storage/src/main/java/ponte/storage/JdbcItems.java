package ponte.storage;

import java.util.Optional;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;

public final class JdbcItems implements Items {
    private final Jdbc jdbc;

    public JdbcItems(Database db) {
        this.jdbc = new Jdbc(db.dataSource());
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
    public boolean received(OrgId org, ItemId id) {
        return jdbc.one("select 1 from routes where item_id = ? and org_id = ? limit 1", rs -> 1, id.value(), org.value()).isPresent();
    }
}
