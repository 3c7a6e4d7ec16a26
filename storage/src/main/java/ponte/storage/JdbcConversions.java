package ponte.storage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.campaigns.Conversion;
import ponte.core.campaigns.Conversions;
import ponte.core.orgs.OrgId;

/** Conversions, a batch in one transaction, looked up by the partner's ids in chunks, summed per channel, offer, day and currency. */
public final class JdbcConversions implements Conversions {
    /** Ids per lookup: well under every driver's limit of bound parameters. */
    private static final int CHUNK = 500;

    private final Jdbc jdbc;

    public JdbcConversions(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Map<String, Conversion> byIds(OrgId partner, Collection<String> ids) {
        Map<String, Conversion> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(partner.value());
            params.addAll(chunk);
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select * from conversions where partner_id = ? and conversion_id in (" + marks + ")", JdbcConversions::conversion,
                    params.toArray()).forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    @Override
    public Map<String, Conversion> record(OrgId partner, List<Conversion> conversions) {
        jdbc.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into conversions (partner_id, conversion_id, campaign_id, offer_id, channel_id, converted_at, bookings, revenue,
                                             currency, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (Conversion v : conversions) {
                    Jdbc.bind(ps, v.partner().value(), v.id(), v.campaign(), v.offer(), v.channel(), v.at(), v.bookings(),
                            v.revenue().toPlainString(), v.currency().getCurrencyCode(), v.receivedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return byIds(partner, conversions.stream().map(Conversion::id).toList());
    }

    @Override
    public List<Converted> counted(String campaign, Optional<Instant> from, Optional<Instant> to) {
        List<Object> params = new ArrayList<>(List.of(campaign));
        StringBuilder where = new StringBuilder("campaign_id = ?");
        Window.append(where, params, "converted_at", from, to);
        // Exact: the decimal as written, cast for the sum (18 digits before the point, 6 after, as the API accepts).
        return jdbc.query("""
                select channel_id, offer_id, cast(converted_at at time zone 'UTC' as date) on_day, currency, sum(bookings) bookings,
                       sum(cast(revenue as decimal(24, 6))) revenue
                from conversions where %s
                group by channel_id, offer_id, cast(converted_at at time zone 'UTC' as date), currency""".formatted(where),
                rs -> new Converted(rs.getString("channel_id"), rs.getString("offer_id"), rs.getObject("on_day", LocalDate.class),
                        Currency.getInstance(rs.getString("currency")), rs.getLong("bookings"), rs.getBigDecimal("revenue")),
                params.toArray());
    }

    private static Conversion conversion(ResultSet rs) throws SQLException {
        return new Conversion(new OrgId(rs.getString("partner_id")), rs.getString("conversion_id"), rs.getString("campaign_id"),
                rs.getString("offer_id"), rs.getString("channel_id"), Jdbc.instant(rs, "converted_at"), rs.getLong("bookings"),
                new BigDecimal(rs.getString("revenue")), Currency.getInstance(rs.getString("currency")), Jdbc.instant(rs, "received_at"));
    }
}
