package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ponte.core.campaigns.Campaign;
import ponte.core.campaigns.CampaignTerms;
import ponte.core.campaigns.CampaignVersion;
import ponte.core.campaigns.Campaigns;
import ponte.core.campaigns.Channel;
import ponte.core.campaigns.ChannelKind;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** Campaigns with every version's items and channels, each version written in one transaction. */
public final class JdbcCampaigns implements Campaigns {
    private final Jdbc jdbc;

    public JdbcCampaigns(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(String id, OrgId owner, CampaignVersion first) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "insert into campaigns (id, owner_id, current_version, created_at) values (?, ?, ?, ?)", id, owner.value(),
                    first.number(), first.createdAt());
            insertVersion(c, id, first);
            return null;
        });
    }

    @Override
    public void addVersion(String id, CampaignVersion next) {
        jdbc.transaction(c -> {
            insertVersion(c, id, next);
            Jdbc.update(c, "update campaigns set current_version = ? where id = ?", next.number(), id);
            return null;
        });
    }

    private static void insertVersion(Connection c, String id, CampaignVersion v) throws SQLException {
        CampaignTerms t = v.terms();
        Jdbc.update(c, """
                insert into campaign_versions (campaign_id, version, title, agreement_id, valid_from, valid_to, languages, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, v.number(), t.title(), t.agreement(), t.validFrom(), t.validTo(),
                Words.join(t.languages(), Function.identity()), v.createdBy().value(), v.createdAt());
        for (int i = 0; i < t.items().size(); i++) {
            Jdbc.update(c, "insert into campaign_items (campaign_id, version, position, item_id) values (?, ?, ?, ?)", id, v.number(), i,
                    t.items().get(i).value());
        }
        for (int i = 0; i < t.channels().size(); i++) {
            Channel ch = t.channels().get(i);
            Jdbc.update(c, """
                    insert into campaign_channels (campaign_id, version, position, channel_id, partner_id, outlet_id, kind, url)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", id, v.number(), i, ch.id(), ch.partner().value(), ch.outlet(), ch.kind().wire(), ch.url());
        }
    }

    @Override
    public Optional<Campaign> byId(String id) {
        return jdbc.transaction(c -> {
            List<String[]> head = Jdbc.query(c, "select owner_id, current_version from campaigns where id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, id);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            int number = Integer.parseInt(head.getFirst()[1]);
            CampaignVersion current = versions(c, id).stream().filter(v -> v.number() == number).findFirst().orElseThrow();
            return Optional.of(new Campaign(id, new OrgId(head.getFirst()[0]), current));
        });
    }

    @Override
    public List<CampaignVersion> versions(String id) {
        return jdbc.transaction(c -> versions(c, id));
    }

    @Override
    public List<Campaign> concerning(OrgId org) {
        List<String> ids = jdbc.query("""
                select id from campaigns where owner_id = ?
                union
                select cc.campaign_id from campaign_channels cc join campaigns k on k.id = cc.campaign_id and k.current_version = cc.version
                where cc.partner_id = ?
                order by 1""", rs -> rs.getString(1), org.value(), org.value());
        List<Campaign> out = new ArrayList<>();
        ids.forEach(id -> byId(id).ifPresent(out::add));
        return out;
    }

    private static List<CampaignVersion> versions(Connection c, String id) throws SQLException {
        List<ItemRow> items = Jdbc.query(c, "select version, item_id from campaign_items where campaign_id = ? order by version, position",
                rs -> new ItemRow(rs.getInt(1), new ItemId(rs.getString(2))), id);
        List<ChannelRow> channels = Jdbc.query(c, """
                select version, channel_id, partner_id, outlet_id, kind, url from campaign_channels where campaign_id = ?
                order by version, position""", JdbcCampaigns::channel, id);
        return Jdbc.query(c, "select * from campaign_versions where campaign_id = ? order by version", rs -> {
            int number = rs.getInt("version");
            CampaignTerms terms = new CampaignTerms(rs.getString("title"), rs.getString("agreement_id"),
                    items.stream().filter(r -> r.version() == number).map(ItemRow::item).toList(),
                    channels.stream().filter(r -> r.version() == number).map(ChannelRow::channel).toList(),
                    Jdbc.maybeInstant(rs, "valid_from"), Jdbc.maybeInstant(rs, "valid_to"), Words.split(rs.getString("languages"), Function.identity()));
            return new CampaignVersion(number, terms, new OrgId(rs.getString("created_by")), Jdbc.instant(rs, "created_at"));
        }, id);
    }

    private record ItemRow(int version, ItemId item) {}

    private record ChannelRow(int version, Channel channel) {}

    private static ChannelRow channel(ResultSet rs) throws SQLException {
        return new ChannelRow(rs.getInt("version"), new Channel(rs.getString("channel_id"), new OrgId(rs.getString("partner_id")),
                rs.getString("outlet_id"), ChannelKind.fromWire(rs.getString("kind")).orElseThrow(), Optional.ofNullable(rs.getString("url"))));
    }
}
