package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;
import ponte.core.orgs.OutletKind;

public final class JdbcOrgs implements Orgs {
    private final Jdbc jdbc;
    private final Clock clock;
    private final Ids ids;

    public JdbcOrgs(Database db, Clock clock, Ids ids) {
        this.jdbc = new Jdbc(db);
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Org register(Org org) {
        Optional<Org> existing = byId(org.id());
        if (existing.isPresent()) {
            return sameOrConflict(existing.get(), org);
        }
        try {
            jdbc.transaction(c -> {
                Jdbc.update(c, "insert into orgs (id, name, kind, country, created_at) values (?, ?, ?, ?, ?)",
                        org.id().value(), org.name(), org.kind().wire(), org.country().value(), clock.instant());
                NetworkVersion.bump(c, java.util.Set.of(org.id()));
                return null;
            });
            return org;
        } catch (StorageFailure e) {
            // Lost a race with an identical registration: answer as a retry would be answered.
            return byId(org.id()).map(o -> sameOrConflict(o, org)).orElseThrow(() -> e);
        }
    }

    private static Org sameOrConflict(Org existing, Org wanted) {
        if (existing.equals(wanted)) {
            return existing;
        }
        throw new Conflict("organisation id '" + wanted.id() + "' is taken");
    }

    @Override
    public Optional<Org> byId(OrgId id) {
        return jdbc.one("select * from orgs where id = ?", JdbcOrgs::org, id.value());
    }

    @Override
    public Map<OrgId, Org> byIds(Collection<OrgId> ids) {
        Map<OrgId, Org> found = new LinkedHashMap<>();
        jdbc.queryIn("select * from orgs where id in (%s)", ids.stream().map(OrgId::value).distinct().toList(), JdbcOrgs::org)
                .forEach(o -> found.put(o.id(), o));
        return found;
    }

    @Override
    public List<Org> all() {
        return jdbc.query("select * from orgs order by id", JdbcOrgs::org);
    }

    @Override
    public Outlet addOutlet(Outlet outlet) {
        Optional<Outlet> existing = outletNamed(outlet.org(), outlet.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        Outlet stored = new Outlet(ids.next(), outlet.org(), outlet.name(), outlet.kind(), outlet.country());
        jdbc.transaction(c -> {
            Jdbc.update(c, "insert into outlets (id, org_id, name, kind, country) values (?, ?, ?, ?, ?)",
                    stored.id(), stored.org().value(), stored.name(), stored.kind().wire(), stored.country().value());
            NetworkVersion.bump(c, java.util.Set.of(stored.org()));
            return null;
        });
        return stored;
    }

    private Optional<Outlet> outletNamed(OrgId org, String name) {
        return jdbc.one("select * from outlets where org_id = ? and name = ?", JdbcOrgs::outlet, org.value(), name);
    }

    @Override
    public List<Outlet> outlets(OrgId org) {
        return jdbc.query("select * from outlets where org_id = ? order by name", JdbcOrgs::outlet, org.value());
    }

    @Override
    public Map<OrgId, List<Outlet>> outlets(Collection<OrgId> orgs) {
        Map<OrgId, List<Outlet>> found = new LinkedHashMap<>();
        orgs.forEach(org -> found.put(org, new ArrayList<>()));
        jdbc.queryIn("select * from outlets where org_id in (%s) order by name", orgs.stream().map(OrgId::value).distinct().toList(),
                JdbcOrgs::outlet).forEach(o -> found.get(o.org()).add(o));
        return found;
    }

    List<Outlet> allOutlets() {
        return jdbc.query("select * from outlets", JdbcOrgs::outlet);
    }

    private static Org org(ResultSet rs) throws SQLException {
        return new Org(new OrgId(rs.getString("id")), rs.getString("name"), OrgKind.fromWire(rs.getString("kind")), CountryCode.of(rs.getString("country")));
    }

    private static Outlet outlet(ResultSet rs) throws SQLException {
        return new Outlet(rs.getString("id"), new OrgId(rs.getString("org_id")), rs.getString("name"),
                OutletKind.fromWire(rs.getString("kind")), CountryCode.of(rs.getString("country")));
    }
}
