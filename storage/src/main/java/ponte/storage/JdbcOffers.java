package ponte.storage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import ponte.core.campaigns.ChannelKind;
import ponte.core.campaigns.Offer;
import ponte.core.campaigns.Offers;
import ponte.core.campaigns.TrackedLink;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** Offers and their tracked links, an offer with its links in one transaction. */
public final class JdbcOffers implements Offers {
    private final Jdbc jdbc;

    public JdbcOffers(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(Offer o, List<TrackedLink> links) {
        jdbc.transaction(c -> {
            int made = Jdbc.update(c, """
                    insert into campaign_offers (campaign_id, offer_id, item_id, title, description, price, currency, valid_from, valid_to,
                                                 booking_url)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", o.campaign(), o.id(), o.item().value(), o.title(),
                    o.description(), o.price().toPlainString(), o.currency().getCurrencyCode(), o.validFrom(), o.validTo(), o.bookingUrl());
            if (made == 0) {
                return null; // a concurrent retry kept it first, with its links
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into tracked_links (code, campaign_id, offer_id, channel_id, partner_id, kind, booking_url)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (TrackedLink l : links) {
                    Jdbc.bind(ps, l.code(), l.campaign(), l.offer(), l.channel(), l.partner().value(), l.kind().wire(), l.bookingUrl());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Offer> byId(String campaign, String id) {
        return jdbc.one("select * from campaign_offers where campaign_id = ? and offer_id = ?", JdbcOffers::offer, campaign, id);
    }

    @Override
    public List<Offer> ofCampaign(String campaign) {
        return jdbc.query("select * from campaign_offers where campaign_id = ? order by offer_id", JdbcOffers::offer, campaign);
    }

    @Override
    public List<TrackedLink> links(String campaign, String offer) {
        return jdbc.query("select * from tracked_links where campaign_id = ? and offer_id = ? order by channel_id", JdbcOffers::link,
                campaign, offer);
    }

    @Override
    public Optional<TrackedLink> link(String code) {
        return jdbc.one("select * from tracked_links where code = ?", JdbcOffers::link, code);
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        return new Offer(rs.getString("campaign_id"), rs.getString("offer_id"), new ItemId(rs.getString("item_id")), rs.getString("title"),
                Optional.ofNullable(rs.getString("description")), new BigDecimal(rs.getString("price")),
                Currency.getInstance(rs.getString("currency")), Jdbc.maybeInstant(rs, "valid_from"), Jdbc.maybeInstant(rs, "valid_to"),
                rs.getString("booking_url"));
    }

    private static TrackedLink link(ResultSet rs) throws SQLException {
        return new TrackedLink(rs.getString("code"), rs.getString("campaign_id"), rs.getString("offer_id"), rs.getString("channel_id"),
                new OrgId(rs.getString("partner_id")), ChannelKind.fromWire(rs.getString("kind")).orElseThrow(),
                rs.getString("booking_url"));
    }
}
