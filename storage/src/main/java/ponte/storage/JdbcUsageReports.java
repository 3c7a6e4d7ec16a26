package ponte.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.reach.UsageKind;
import ponte.core.reach.UsageReport;
import ponte.core.reach.UsageReports;

/** Usage reports, a batch in one transaction (one JDBC batch), looked up by the partner's ids in chunks. */
public final class JdbcUsageReports implements UsageReports {
    private final Jdbc jdbc;

    public JdbcUsageReports(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Map<String, UsageReport> byIds(OrgId org, Collection<String> ids) {
        Map<String, UsageReport> found = new HashMap<>();
        jdbc.queryIn("select * from usage_reports where org_id = ? and report_id in (%s)", List.copyOf(ids), JdbcUsageReports::report,
                org.value()).forEach(r -> found.put(r.id(), r));
        return found;
    }

    /**
     * The reports stored now answer as they were bound, to the microsecond the column keeps (rounded as the drivers
     * round), without reading them back: a second lookup per batch cost about as much as the insert. Only ids a
     * concurrent retry had stored first are looked up.
     */
    @Override
    public Map<String, UsageReport> record(OrgId org, List<UsageReport> reports) {
        Map<String, UsageReport> kept = new HashMap<>();
        List<String> storedBefore = new ArrayList<>();
        jdbc.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into usage_reports (org_id, report_id, item_id, version, outlet_id, country, usage_kind, used_at, audience,
                                               received_at, folded)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) on conflict do nothing""")) {
                for (UsageReport r : reports) {
                    Jdbc.bind(ps, r.org().value(), r.id(), r.item().value(), r.version(), r.outlet(), r.country().value(),
                            r.usage().wire(), r.at(), r.audience(), r.receivedAt());
                    ps.addBatch();
                }
                int[] stored = ps.executeBatch();
                // Counted in advance in the same transaction, only the reports stored now (not a retry's).
                List<Object[]> fold = new ArrayList<>();
                for (int i = 0; i < stored.length; i++) {
                    if (stored[i] > 0) {
                        UsageReport sent = reports.get(i);
                        UsageReport r = new UsageReport(sent.org(), sent.id(), sent.item(), sent.version(), sent.outlet(), sent.country(),
                                sent.usage(), asStored(sent.at()), sent.audience(), asStored(sent.receivedAt()));
                        kept.put(r.id(), r);
                        fold.add(new Object[] {r.org().value(), r.outlet(), r.country().value(), r.item().value(), r.version(),
                                r.at().atOffset(java.time.ZoneOffset.UTC).toLocalDate(), r.audience().orElse(null)});
                    } else {
                        storedBefore.add(reports.get(i).id());
                    }
                }
                ReachGroups.foldUsage(c, fold);
            }
            return null;
        });
        kept.putAll(byIds(org, storedBefore));
        return kept;
    }

    /** An instant as a timestamp column keeps it: to the microsecond, half a microsecond rounded up. */
    static Instant asStored(Instant t) {
        return t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static UsageReport report(ResultSet rs) throws SQLException {
        long audience = rs.getLong("audience");
        Optional<Long> maybe = rs.wasNull() ? Optional.empty() : Optional.of(audience);
        return new UsageReport(new OrgId(rs.getString("org_id")), rs.getString("report_id"), new ItemId(rs.getString("item_id")),
                rs.getInt("version"), rs.getString("outlet_id"), CountryCode.of(rs.getString("country")),
                UsageKind.fromWire(rs.getString("usage_kind")).orElseThrow(), Jdbc.instant(rs, "used_at"), maybe,
                Jdbc.instant(rs, "received_at"));
    }
}
