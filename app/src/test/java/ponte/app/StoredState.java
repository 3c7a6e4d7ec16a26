package ponte.app;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * A digest of everything a client's request may change in a node's database: orgs, keys, products, licences,
 * agreements, items and the log, endpoints and sources, and the audit trail that records each change. Left out is what the node changes by itself as time passes
 * (delivery attempts and cursors, poll results, leases): a refused request must leave the digest as it was.
 */
final class StoredState {
    private static final List<String> QUERIES = List.of(
            "select id, name, kind, country from orgs order by id",
            "select * from outlets order by id",
            "select digest, org_id, role from api_keys order by digest",
            "select * from products order by id",
            "select * from items order by id",
            "select * from item_owners order by item_id, org_id",
            "select item_id, version, event, ninjs, products, rights_include, rights_exclude, kill_reason from versions order by item_id, version",
            "select seq, item_id, version, event from content_log order by seq",
            "select * from routes order by org_id, seq",
            "select * from agreements order by id",
            "select * from agreement_versions order by 1, 2",
            "select * from agreement_grants order by 1, 2, 3",
            "select * from agreement_approvals order by 1, 2, 3",
            "select * from coproductions order by id",
            "select * from coproduction_versions order by 1, 2",
            "select * from coproduction_parties order by 1, 2, 3",
            "select * from coproduction_deliverables order by 1, 2, 3",
            "select * from coproduction_approvals order by 1, 2, 3",
            "select * from coproduced_items order by item_id",
            "select * from item_drafts order by 1, 2",
            "select * from draft_signoffs order by seq",
            "select * from translation_tasks order by id",
            "select id, org_id, url, format, filter_languages, filter_products, filter_subjects, secret, previous_secret, state from endpoints order by id",
            "select id, org_id, url, format, interval_s, products, paused from ingest_sources order by id",
            "select * from language_versions order by 1, 2",
            "select * from audit_trail order by seq",
            "select * from audit_concerns order by seq, org_id",
            "select * from network_version");

    private final DataSource database;

    StoredState(DataSource database) {
        this.database = database;
    }

    String digest() {
        try (Connection c = database.getConnection()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String query : QUERIES) {
                sha.update(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (PreparedStatement s = c.prepareStatement(query); ResultSet rows = s.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            sha.update(String.valueOf(rows.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a release is due that the node has not appended yet: time, not a request, will change the log then. */
    boolean releaseDue(Instant now) {
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from releases where due_at <= ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
