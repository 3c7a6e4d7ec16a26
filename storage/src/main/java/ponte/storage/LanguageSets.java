package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.reading.LanguageVersions;
import ponte.core.orgs.OrgId;

/** Linking items into language-version sets, inside the append transaction of the item that names its original. */
final class LanguageSets {
    private LanguageSets() {}

    static void link(Connection c, Item item, ItemId translationOf, OrgId by) throws SQLException {
        Item target = LanguageVersions.requireLinkable(ItemRows.item(c, "id", translationOf.value()), by, item.id());
        String set = setOf(c, target.id()).orElse(target.id().value());
        if (setOf(c, target.id()).isEmpty()) {
            Jdbc.update(c, "insert into language_versions (item_id, set_id) values (?, ?)", target.id().value(), set);
        }
        Optional<String> current = setOf(c, item.id());
        if (current.isEmpty()) {
            Jdbc.update(c, "insert into language_versions (item_id, set_id) values (?, ?)", item.id().value(), set);
        } else if (!current.get().equals(set)) {
            throw new Invalid("/translationOf", "this item is already a language version of another story");
        }
    }

    static Optional<String> setOf(Connection c, ItemId item) throws SQLException {
        List<String> sets = Jdbc.query(c, "select set_id from language_versions where item_id = ?", rs -> rs.getString(1), item.value());
        return sets.stream().findFirst();
    }
}
