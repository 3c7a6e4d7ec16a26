package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.licensing.Licence;
import ponte.core.licensing.LicenceId;
import ponte.core.licensing.Licences;
import ponte.core.licensing.Network;
import ponte.core.licensing.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Outlet;
import ponte.core.products.ProductId;

public final class JdbcLicences implements Licences {
    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcLicences(Database db, Clock clock) {
        this.jdbc = new Jdbc(db.dataSource());
        this.clock = clock;
    }

    @Override
    public Licence grant(Licence l) {
        jdbc.update("""
                insert into licences (id, agreement_id, licensor_id, licensee_id, products, territories_include, territories_exclude,
                                      languages, embargo_delay_s, valid_from, valid_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                l.id().value(), l.agreement(), l.licensor().value(), l.licensee().value(),
                Words.join(l.products(), ProductId::value), String.join(" ", l.territories().includeWire()),
                String.join(" ", l.territories().excludeWire()), Words.join(l.languages(), Function.identity()),
                l.embargoDelay().toSeconds(), l.validity().from(), l.validity().to(), clock.instant());
        return l;
    }

    @Override
    public Optional<Licence> byId(LicenceId id) {
        return jdbc.one("select * from licences where id = ?", JdbcLicences::licence, id.value());
    }

    @Override
    public List<Licence> all() {
        return jdbc.query("select * from licences order by id", JdbcLicences::licence);
    }

    /** What the entitlement gate reads: every licence, and each org's territories (its country and its outlets'). */
    public static Network network(JdbcLicences licences, JdbcOrgs orgs) {
        Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
        for (Org org : orgs.all()) {
            territories.computeIfAbsent(org.id(), k -> new HashSet<>()).add(org.country());
        }
        for (Outlet outlet : orgs.allOutlets()) {
            territories.computeIfAbsent(outlet.org(), k -> new HashSet<>()).add(outlet.country());
        }
        return new Network(licences.all(), territories);
    }

    private static Licence licence(ResultSet rs) throws SQLException {
        return new Licence(
                new LicenceId(rs.getString("id")),
                Optional.ofNullable(rs.getString("agreement_id")),
                new OrgId(rs.getString("licensor_id")),
                new OrgId(rs.getString("licensee_id")),
                Words.split(rs.getString("products"), ProductId::new),
                Territories.of(Words.split(rs.getString("territories_include"), Function.identity()),
                        Words.split(rs.getString("territories_exclude"), Function.identity())),
                Words.split(rs.getString("languages"), Function.identity()),
                Duration.ofSeconds(rs.getLong("embargo_delay_s")),
                new Validity(Jdbc.maybeInstant(rs, "valid_from"), Jdbc.maybeInstant(rs, "valid_to")));
    }

}
