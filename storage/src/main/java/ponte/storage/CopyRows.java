package ponte.storage;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into a PostgreSQL table with {@code COPY ... FROM STDIN (FORMAT csv)}: one statement for however many
 * rows, where a JDBC batch is one execution per row (each parsed, planned, started and ended by the server; measured,
 * that per-row overhead was a third of the server's CPU per published item). The CSV is Commons CSV's
 * {@link CSVFormat#POSTGRESQL_CSV}: every value quoted (quotes doubled; commas, tabs, newlines and backslashes are
 * plain data inside quotes), NULL written unquoted and empty, which COPY's CSV format reads as NULL while {@code ""}
 * stays an empty string. Foreign keys, constraints and the transaction are the same as for INSERT. Public for the
 * benchmark that weighs it against batched inserts (bench's {@code LogRowsOnPostgres}).
 */
public final class CopyRows {
    private static final CSVFormat CSV = CSVFormat.POSTGRESQL_CSV;

    private CopyRows() {}

    /**
     * Copies {@code rows} into {@code table}'s {@code columns}, each row's values in the columns' order: strings,
     * numbers, booleans, instants (written as ISO 8601 in UTC, as PostgreSQL reads a timestamp with time zone), null or
     * {@link Optional}.
     */
    public static void copy(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        String sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
        PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, CSV)) {
            for (Object[] row : rows) {
                for (Object value : row) {
                    csv.print(text(value));
                }
                csv.println();
            }
        } catch (IOException e) {
            // PGCopyOutputStream reports the server's refusal (a foreign key, a too long value) as an IOException
            // whose cause is the SQLException; the writer must see it as the database's answer.
            if (e.getCause() instanceof SQLException refused) {
                throw refused;
            }
            throw new SQLException("COPY into " + table + " failed", e);
        } finally {
            if (out.isActive()) {
                out.cancelCopy(); // a failure before the end: the server drops the rows, the writer rolls back
            }
        }
    }

    private static String text(Object value) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        return switch (v) {
            case null -> null;
            case Instant t -> t.toString();
            default -> v.toString();
        };
    }
}
