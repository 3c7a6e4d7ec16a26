package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ponte.core.access.KeyId;
import ponte.core.coproduction.CoItem;
import ponte.core.coproduction.Draft;
import ponte.core.coproduction.Drafts;
import ponte.core.coproduction.Signoff;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;

/** Co-produced items and their drafts and sign-offs, outside the content log. */
public final class JdbcDrafts implements Drafts {
    private final Jdbc jdbc;

    public JdbcDrafts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(CoItem item, Draft first) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "insert into coproduced_items (item_id, coproduction_id, uri, owners, created_at) values (?, ?, ?, ?, ?)",
                    item.id().value(), item.project(), item.uri(), Words.join(item.owners(), OrgId::value), item.createdAt());
            insert(c, first);
            NetworkVersion.bump(c, java.util.Set.of()); // co-productions only: the gate narrows the item by its parties' territories from its release on
            return null;
        });
    }

    @Override
    public void add(Draft next) {
        jdbc.transaction(c -> {
            insert(c, next);
            return null;
        });
    }

    private static void insert(java.sql.Connection c, Draft d) throws SQLException {
        Jdbc.update(c, """
                insert into item_drafts (item_id, draft, ninjs, language, embargoed_until, type, headline, products, rights_include,
                                         rights_exclude, signal, translation_of, made_by, key_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.item().value(), d.number(), d.content().ninjs(), d.content().language(), d.content().embargoedUntil(), d.content().type(),
                d.content().headline(), Words.join(d.products(), ProductId::value), String.join(" ", d.rights().includeWire()),
                String.join(" ", d.rights().excludeWire()), d.signal().wire(), d.translationOf().map(ItemId::value), d.by().value(),
                d.key().map(KeyId::value), d.createdAt());
    }

    @Override
    public Optional<CoItem> item(ItemId id) {
        return jdbc.query("select * from coproduced_items where item_id = ?", JdbcDrafts::coItem, id.value()).stream().findFirst();
    }

    @Override
    public Optional<CoItem> itemWithUri(String uri) {
        return jdbc.query("select * from coproduced_items where uri = ?", JdbcDrafts::coItem, uri).stream().findFirst();
    }

    @Override
    public List<Draft> drafts(ItemId item) {
        return jdbc.query("select * from item_drafts where item_id = ? order by draft", JdbcDrafts::draft, item.value());
    }

    @Override
    public void signOff(Signoff s) {
        jdbc.update("insert into draft_signoffs (item_id, draft, org_id, approved, comment, key_id, at) values (?, ?, ?, ?, ?, ?, ?)",
                s.item().value(), s.draft(), s.org().value(), s.approved(), s.comment(), s.key().map(KeyId::value), s.at());
    }

    @Override
    public List<Signoff> signoffs(ItemId item) {
        return jdbc.query("select * from draft_signoffs where item_id = ? order by seq", rs -> new Signoff(new ItemId(rs.getString("item_id")),
                rs.getInt("draft"), new OrgId(rs.getString("org_id")), rs.getBoolean("approved"), Optional.ofNullable(rs.getString("comment")),
                Optional.ofNullable(rs.getString("key_id")).map(KeyId::new), Jdbc.instant(rs, "at")), item.value());
    }

    @Override
    public void withdraw(ItemId item, OrgId by, String reason, Instant at) {
        jdbc.update("update coproduced_items set withdrawn_by = ?, withdrawn_reason = ?, withdrawn_at = ? where item_id = ?",
                by.value(), reason, at, item.value());
    }

    private static CoItem coItem(ResultSet rs) throws SQLException {
        Optional<CoItem.Withdrawal> withdrawn = rs.getString("withdrawn_by") == null ? Optional.empty()
                : Optional.of(new CoItem.Withdrawal(new OrgId(rs.getString("withdrawn_by")), rs.getString("withdrawn_reason"), Jdbc.instant(rs, "withdrawn_at")));
        return new CoItem(new ItemId(rs.getString("item_id")), Optional.ofNullable(rs.getString("coproduction_id")), rs.getString("uri"),
                Words.split(rs.getString("owners"), OrgId::new), Jdbc.instant(rs, "created_at"), withdrawn);
    }

    private static Draft draft(ResultSet rs) throws SQLException {
        Content content = new Content(rs.getString("ninjs"), Optional.ofNullable(rs.getString("language")),
                Jdbc.maybeInstant(rs, "embargoed_until"), rs.getString("type"), Optional.ofNullable(rs.getString("headline")));
        int released = rs.getInt("released_as");
        Optional<Integer> releasedAs = rs.wasNull() ? Optional.empty() : Optional.of(released);
        return new Draft(new ItemId(rs.getString("item_id")), rs.getInt("draft"), content, Words.split(rs.getString("products"), ProductId::new),
                Territories.of(Words.split(rs.getString("rights_include"), Function.identity()), Words.split(rs.getString("rights_exclude"), Function.identity())),
                Event.fromWire(rs.getString("signal")), Optional.ofNullable(rs.getString("translation_of")).map(ItemId::new),
                new OrgId(rs.getString("made_by")), Optional.ofNullable(rs.getString("key_id")).map(KeyId::new), Jdbc.instant(rs, "created_at"), releasedAs);
    }
}
