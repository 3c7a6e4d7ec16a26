package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ponte.core.items.ItemId;
import ponte.core.items.ReleaseSchedule;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** The release schedule: which items time will make visible to more partners, and when. */
public final class Releases implements ReleaseSchedule {
    private final Jdbc jdbc;

    public Releases(Database db) {
        this.jdbc = new Jdbc(db);
    }

    /** Called in the append transaction: every booked release of a killed item goes. */
    static void cancel(Connection c, ItemId item) throws SQLException {
        Jdbc.update(c, "delete from releases where item_id = ?", item.value());
    }

    /** Called in the append transaction: the entry routed what these were booked for. */
    static void dropDue(Connection c, ItemId item, Instant now) throws SQLException {
        Jdbc.update(c, "delete from releases where item_id = ? and due_at <= ?", item.value(), now);
    }

    static void book(Connection c, String itemId, Instant at) throws SQLException {
        if (Jdbc.query(c, "select 1 from releases where item_id = ? and due_at = ?", rs -> 1, itemId, at).isEmpty()) {
            Jdbc.update(c, "insert into releases (item_id, due_at) values (?, ?)", itemId, at);
        }
    }

    @Override
    public List<ItemId> due(Instant now, int limit) {
        return jdbc.query("select item_id, min(due_at) from releases where due_at <= ? group by item_id order by min(due_at) limit ?",
                rs -> new ItemId(rs.getString(1)), now, limit);
    }

    @Override
    public int licenceStarts(OrgId licensor, Set<ProductId> products, Instant publishedSince, Instant at) {
        return jdbc.transaction(c -> {
            // Candidates by owner and time; the product match is made here because versions store products as words.
            List<String[]> rows = Jdbc.query(c, """
                    select i.id, v.products from items i
                    join item_owners o on o.item_id = i.id
                    join versions v on v.item_id = i.id and v.version = i.latest_version
                    where o.org_id = ? and i.first_created >= ? and i.killed = false""",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, licensor.value(), publishedSince);
            int booked = 0;
            for (String[] row : rows) {
                if (Words.split(row[1], ProductId::new).stream().anyMatch(products::contains)) {
                    book(c, row[0], at);
                    booked++;
                }
            }
            return booked;
        });
    }
}
