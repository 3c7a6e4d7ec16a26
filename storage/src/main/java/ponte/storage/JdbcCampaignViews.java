package ponte.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ponte.core.campaigns.CampaignViews;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.reach.UsageKind;

/** A campaign's views, counted from the usage reports of kind viewed (the reach module's table), in the reported version's language. */
public final class JdbcCampaignViews implements CampaignViews {
    private final Jdbc jdbc;

    public JdbcCampaignViews(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public List<Viewed> viewed(List<ItemId> items, Optional<Instant> from, Optional<Instant> to) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(UsageKind.VIEWED.wire());
        items.forEach(i -> params.add(i.value()));
        StringBuilder where = new StringBuilder("t.usage_kind = ? and t.item_id in (" + String.join(", ", Collections.nCopies(items.size(), "?")) + ")");
        Window.append(where, params, "t.used_at", from, to);
        return jdbc.query("""
                select t.org_id, t.outlet_id, t.item_id, v.language, cast(t.used_at at time zone 'UTC' as date) on_day,
                       sum(coalesce(t.audience, 1)) views
                from usage_reports t join versions v on v.item_id = t.item_id and v.version = t.version
                where %s
                group by t.org_id, t.outlet_id, t.item_id, v.language, cast(t.used_at at time zone 'UTC' as date)""".formatted(where),
                rs -> new Viewed(new OrgId(rs.getString("org_id")), rs.getString("outlet_id"), new ItemId(rs.getString("item_id")),
                        ReachGroups.present(rs.getString("language")), rs.getObject("on_day", LocalDate.class), rs.getLong("views")),
                params.toArray());
    }
}
