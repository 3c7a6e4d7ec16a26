package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import ponte.core.items.ItemId;

/** Language-version sets: which set an item belongs to (a set is named by the id of its first item). */
final class LanguageSets {
    private LanguageSets() {}

    static Optional<ItemId> setOf(Connection c, ItemId item) throws SQLException {
        return Jdbc.query(c, "select set_id from language_versions where item_id = ?", rs -> new ItemId(rs.getString(1)), item.value())
                .stream().findFirst();
    }

    static void join(Connection c, ItemId item, ItemId set) throws SQLException {
        Jdbc.update(c, "insert into language_versions (item_id, set_id) values (?, ?)", item.value(), set.value());
    }
}
