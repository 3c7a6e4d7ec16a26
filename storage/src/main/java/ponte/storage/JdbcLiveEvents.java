package ponte.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import ponte.core.campaigns.LiveEvent;
import ponte.core.campaigns.LiveEvents;
import ponte.core.campaigns.ViewerSample;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** Live events and their partners' viewer samples. */
public final class JdbcLiveEvents implements LiveEvents {
    private final Jdbc jdbc;

    public JdbcLiveEvents(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(LiveEvent e) {
        jdbc.update("""
                insert into live_events (id, campaign_id, owner_id, channel_id, partner_id, item_id, title, starts_at, ends_at, code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", e.id(), e.campaign(), e.owner().value(), e.channel(),
                e.partner().value(), e.item().map(ItemId::value), e.title(), e.start(), e.end(), e.code());
    }

    @Override
    public Optional<LiveEvent> byId(String id) {
        return jdbc.one("select * from live_events where id = ?", JdbcLiveEvents::event, id);
    }

    @Override
    public Optional<LiveEvent> byCode(String code) {
        return jdbc.one("select * from live_events where code = ?", JdbcLiveEvents::event, code);
    }

    @Override
    public List<LiveEvent> ofCampaigns(List<String> campaigns) {
        String marks = String.join(", ", Collections.nCopies(campaigns.size(), "?"));
        return jdbc.query("select * from live_events where campaign_id in (" + marks + ") order by starts_at, id", JdbcLiveEvents::event,
                campaigns.toArray());
    }

    @Override
    public void report(String event, List<ViewerSample> samples) {
        jdbc.transaction(c -> {
            try (PreparedStatement forget = c.prepareStatement("delete from live_viewer_samples where event_id = ? and sampled_at = ?");
                 PreparedStatement keep = c.prepareStatement(
                         "insert into live_viewer_samples (event_id, sampled_at, concurrent, unique_viewers) values (?, ?, ?, ?)")) {
                for (ViewerSample s : samples.stream().collect(java.util.stream.Collectors.toMap(ViewerSample::at, s -> s, (a, b) -> b)).values()) {
                    Jdbc.bind(forget, event, s.at());
                    forget.addBatch();
                    Jdbc.bind(keep, event, s.at(), s.concurrent(), s.unique().isPresent() ? s.unique().getAsLong() : null);
                    keep.addBatch();
                }
                forget.executeBatch();
                keep.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ViewerSample> samples(String event) {
        return jdbc.query("select sampled_at, concurrent, unique_viewers from live_viewer_samples where event_id = ? order by sampled_at", rs -> {
            long concurrent = rs.getLong("concurrent");
            long unique = rs.getLong("unique_viewers");
            return new ViewerSample(Jdbc.instant(rs, "sampled_at"), concurrent, rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(unique));
        }, event);
    }

    private static LiveEvent event(ResultSet rs) throws SQLException {
        return new LiveEvent(rs.getString("id"), rs.getString("campaign_id"), new OrgId(rs.getString("owner_id")), rs.getString("channel_id"),
                new OrgId(rs.getString("partner_id")), Optional.ofNullable(rs.getString("item_id")).map(ItemId::new), rs.getString("title"),
                Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getString("code"));
    }
}
