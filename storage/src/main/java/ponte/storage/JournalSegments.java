package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Claims of {@link FactJournal} segments: written once, in the transaction that writes the segment's facts. */
final class JournalSegments {
    private JournalSegments() {}

    /** Whether this transaction claimed the segment; false when an earlier one wrote it already. */
    static boolean claim(Connection c, String segment) throws SQLException {
        return Jdbc.update(c, "insert into journal_segments (segment) values (?) on conflict do nothing", segment) == 1;
    }

    static void forget(Jdbc jdbc, String segment) {
        jdbc.update("delete from journal_segments where segment = ?", segment);
    }
}
