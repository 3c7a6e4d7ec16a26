package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Agreements;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.licensing.Licence;
import ponte.core.licensing.Network;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Outlet;
import ponte.core.products.ProductId;

public final class JdbcAgreements implements Agreements {
    private final Jdbc jdbc;

    public JdbcAgreements(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(String id, AgreementVersion first) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "insert into agreements (id, current_version, suspended, created_at) values (?, ?, ?, ?)", id, first.number(), false, first.createdAt());
            insertVersion(c, id, first);
            NetworkVersion.bump(c, first.terms().orgs());
            return null;
        });
    }

    @Override
    public void addVersion(String id, AgreementVersion next) {
        jdbc.transaction(c -> {
            Set<OrgId> concerned = new HashSet<>(orgsOf(c, id));
            concerned.addAll(next.terms().orgs());
            insertVersion(c, id, next);
            Jdbc.update(c, "update agreements set current_version = ? where id = ?", next.number(), id);
            NetworkVersion.bump(c, concerned);
            return null;
        });
    }

    private static void insertVersion(Connection c, String id, AgreementVersion v) throws SQLException {
        Terms t = v.terms();
        Jdbc.update(c, "insert into agreement_versions (agreement_id, version, title, parties, valid_from, valid_to, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                id, v.number(), t.title(), Words.join(t.parties(), OrgId::value), t.validity().from(), t.validity().to(), v.createdBy().value(), v.createdAt());
        for (int i = 0; i < t.grants().size(); i++) {
            Grant g = t.grants().get(i);
            Jdbc.update(c, """
                    insert into agreement_grants (agreement_id, version, position, licensor_id, licensee_id, products, territories_include,
                                                  territories_exclude, languages, embargo_delay_s, exclusive)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, v.number(), i, g.licensor().value(), g.licensee().value(), Words.join(g.products(), ProductId::value),
                    String.join(" ", g.territories().includeWire()), String.join(" ", g.territories().excludeWire()),
                    Words.join(g.languages(), Function.identity()), g.embargoDelay().toSeconds(), g.exclusive());
        }
        for (OrgId approver : v.approvedBy()) {
            Jdbc.update(c, "insert into agreement_approvals (agreement_id, version, org_id, approved_at) values (?, ?, ?, ?)", id, v.number(), approver.value(), v.createdAt());
        }
    }

    @Override
    public void approve(String id, int version, OrgId org, Instant at) {
        jdbc.transaction(c -> {
            boolean already = !Jdbc.query(c, "select 1 from agreement_approvals where agreement_id = ? and version = ? and org_id = ?", rs -> 1, id, version, org.value()).isEmpty();
            if (!already) {
                Jdbc.update(c, "insert into agreement_approvals (agreement_id, version, org_id, approved_at) values (?, ?, ?, ?)", id, version, org.value(), at);
                NetworkVersion.bump(c, orgsOf(c, id));
            }
            return null;
        });
    }

    @Override
    public void suspend(String id, boolean suspended) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "update agreements set suspended = ? where id = ?", suspended, id);
            NetworkVersion.bump(c, orgsOf(c, id));
            return null;
        });
    }

    /** Every org the agreement's current terms name: what a change to it concerns (Terms#orgs). */
    private static Set<OrgId> orgsOf(Connection c, String id) throws SQLException {
        Set<OrgId> orgs = new HashSet<>();
        Jdbc.query(c, "select v.parties from agreements a join agreement_versions v on v.agreement_id = a.id and v.version = a.current_version where a.id = ?",
                rs -> Words.split(rs.getString(1), OrgId::new), id).forEach(orgs::addAll);
        Jdbc.query(c, """
                select g.licensor_id, g.licensee_id from agreements a
                join agreement_grants g on g.agreement_id = a.id and g.version = a.current_version where a.id = ?""",
                rs -> List.of(new OrgId(rs.getString(1)), new OrgId(rs.getString(2))), id).forEach(orgs::addAll);
        return orgs;
    }

    /** The agreements whose current terms name one of these orgs as a party or a licensee, in network order (by id). */
    public List<Agreement> naming(Set<OrgId> orgs) {
        Set<String> ids = new HashSet<>();
        jdbc.transaction(c -> {
            for (OrgId org : orgs) {
                ids.addAll(Jdbc.query(c, """
                        select a.id from agreements a
                        join agreement_grants g on g.agreement_id = a.id and g.version = a.current_version where g.licensee_id = ?""",
                        rs -> rs.getString(1), org.value()));
            }
            return null;
        });
        for (OrgId org : orgs) {
            withParty(org).forEach(a -> ids.add(a.id()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // Ordered by the database, as all() is: the first licence to a partner that grants is the one the gate names.
        return load("where a.id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
    }

    @Override
    public Optional<Agreement> byId(String id) {
        return load("where a.id = ?", id).stream().findFirst();
    }

    @Override
    public List<Agreement> withParty(OrgId org) {
        // Parties are stored as space-separated words; the exact match is made after loading.
        return load("where v.parties like ?", "%" + org.value() + "%").stream()
                .filter(a -> a.current().terms().parties().contains(org)).toList();
    }

    @Override
    public List<Agreement> all() {
        return load("");
    }

    @Override
    public List<AgreementVersion> versions(String id) {
        return jdbc.transaction(c -> {
            List<Integer> numbers = Jdbc.query(c, "select version from agreement_versions where agreement_id = ? order by version", rs -> rs.getInt(1), id);
            List<AgreementVersion> out = new ArrayList<>();
            for (int n : numbers) {
                out.add(version(c, id, n));
            }
            return out;
        });
    }

    private List<Agreement> load(String where, Object... params) {
        return jdbc.transaction(c -> {
            record Head(String id, int version, boolean suspended) {}
            List<Head> heads = Jdbc.query(c, "select a.id, a.current_version, a.suspended from agreements a join agreement_versions v on v.agreement_id = a.id and v.version = a.current_version "
                    + where + " order by a.id", rs -> new Head(rs.getString(1), rs.getInt(2), rs.getBoolean(3)), params);
            List<Agreement> out = new ArrayList<>();
            for (Head h : heads) {
                out.add(new Agreement(h.id(), version(c, h.id(), h.version()), h.suspended()));
            }
            return out;
        });
    }

    private static AgreementVersion version(Connection c, String id, int number) throws SQLException {
        record Row(String title, Set<OrgId> parties, Validity validity, OrgId createdBy, Instant createdAt) {}
        Row row = Jdbc.query(c, "select * from agreement_versions where agreement_id = ? and version = ?",
                rs -> new Row(rs.getString("title"), Words.split(rs.getString("parties"), OrgId::new),
                        new Validity(Jdbc.maybeInstant(rs, "valid_from"), Jdbc.maybeInstant(rs, "valid_to")),
                        new OrgId(rs.getString("created_by")), Jdbc.instant(rs, "created_at")), id, number).getFirst();
        List<Grant> grants = Jdbc.query(c, "select * from agreement_grants where agreement_id = ? and version = ? order by position", JdbcAgreements::grant, id, number);
        Set<OrgId> approvals = new HashSet<>(Jdbc.query(c, "select org_id from agreement_approvals where agreement_id = ? and version = ?", rs -> new OrgId(rs.getString(1)), id, number));
        return new AgreementVersion(number, new Terms(row.title(), row.parties(), row.validity(), grants), row.createdBy(), row.createdAt(), approvals);
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(new OrgId(rs.getString("licensor_id")), new OrgId(rs.getString("licensee_id")),
                Words.split(rs.getString("products"), ProductId::new),
                Territories.of(Words.split(rs.getString("territories_include"), Function.identity()),
                        Words.split(rs.getString("territories_exclude"), Function.identity())),
                Words.split(rs.getString("languages"), Function.identity()),
                Duration.ofSeconds(rs.getLong("embargo_delay_s")), rs.getBoolean("exclusive"));
    }

    /**
     * The part of what the gate reads that concerns these orgs (see {@code NetworkSource#concerning}): the licences to
     * them from every agreement naming them, their territories, and every co-production's.
     */
    public static Network concerning(JdbcAgreements agreements, JdbcOrgs orgs, Set<OrgId> concerned,
                                     Map<ponte.core.items.ItemId, ponte.core.licensing.ProjectTerritories> coproduced) {
        Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
        if (concerned.isEmpty()) {
            return new Network(List.of(), territories, List.of(), coproduced);
        }
        orgs.byIds(concerned).forEach((id, org) -> territories.computeIfAbsent(id, k -> new HashSet<>()).add(org.country()));
        orgs.outlets(concerned).forEach((id, outlets) -> outlets.forEach(o -> territories.computeIfAbsent(id, k -> new HashSet<>()).add(o.country())));
        List<Licence> inForce = new ArrayList<>();
        List<Network.Dormant> dormant = new ArrayList<>();
        agreements.naming(concerned).forEach(a -> a.contributeTo(inForce, dormant));
        return new Network(inForce.stream().filter(l -> concerned.contains(l.licensee())).toList(), territories,
                dormant.stream().filter(d -> concerned.contains(d.licence().licensee())).toList(), coproduced);
    }

    /** What the entitlement gate reads: licences from agreements (in force or not, with why), and each org's territories. */
    public static Network network(JdbcAgreements agreements, JdbcOrgs orgs) {
        return network(agreements, orgs, Map.of());
    }

    /** As above, with the parties' territories of each co-produced item. */
    public static Network network(JdbcAgreements agreements, JdbcOrgs orgs, Map<ponte.core.items.ItemId, ponte.core.licensing.ProjectTerritories> coproduced) {
        Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
        for (Org org : orgs.all()) {
            territories.computeIfAbsent(org.id(), k -> new HashSet<>()).add(org.country());
        }
        for (Outlet outlet : orgs.allOutlets()) {
            territories.computeIfAbsent(outlet.org(), k -> new HashSet<>()).add(outlet.country());
        }
        List<Licence> inForce = new ArrayList<>();
        List<Network.Dormant> dormant = new ArrayList<>();
        agreements.all().forEach(a -> a.contributeTo(inForce, dormant));
        return new Network(inForce, territories, dormant, coproduced);
    }
}
