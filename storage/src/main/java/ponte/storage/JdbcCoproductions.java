package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.coproduction.Coproduction;
import ponte.core.coproduction.Coproductions;
import ponte.core.coproduction.Deliverable;
import ponte.core.coproduction.Framework;
import ponte.core.coproduction.Party;
import ponte.core.coproduction.Plan;
import ponte.core.coproduction.ProjectVersion;
import ponte.core.coproduction.ShareRules;
import ponte.core.items.ItemId;
import ponte.core.licensing.ProjectTerritories;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/** Co-production projects and their versions, stored as agreements are. */
public final class JdbcCoproductions implements Coproductions {
    private final Jdbc jdbc;

    public JdbcCoproductions(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(String id, ProjectVersion first) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "insert into coproductions (id, current_version, created_at) values (?, ?, ?)", id, first.number(), first.createdAt());
            insertVersion(c, id, first);
            NetworkVersion.bump(c, Set.of()); // co-productions only
            return null;
        });
    }

    @Override
    public void addVersion(String id, ProjectVersion next) {
        jdbc.transaction(c -> {
            insertVersion(c, id, next);
            Jdbc.update(c, "update coproductions set current_version = ? where id = ?", next.number(), id);
            NetworkVersion.bump(c, Set.of()); // co-productions only
            return null;
        });
    }

    private static void insertVersion(Connection c, String id, ProjectVersion v) throws SQLException {
        Plan p = v.plan();
        Jdbc.update(c, """
                insert into coproduction_versions (coproduction_id, version, title, agreement_id, framework, min_share, max_share, parties,
                                                   languages, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, v.number(), p.title(), p.agreement(), p.framework().wire(), p.rules().map(ShareRules::minShare).orElse(null),
                p.rules().map(ShareRules::maxShare).orElse(null), Words.join(p.orgs(), OrgId::value), String.join(" ", p.languages()),
                v.createdBy().value(), v.createdAt());
        for (int i = 0; i < p.parties().size(); i++) {
            Party party = p.parties().get(i);
            Jdbc.update(c, """
                    insert into coproduction_parties (coproduction_id, version, position, org_id, function, share, territories_include,
                                                      territories_exclude)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, v.number(), i, party.org().value(), party.function().wire(), party.share(),
                    String.join(" ", party.territories().includeWire()), String.join(" ", party.territories().excludeWire()));
        }
        for (int i = 0; i < p.deliverables().size(); i++) {
            Deliverable d = p.deliverables().get(i);
            Jdbc.update(c, "insert into coproduction_deliverables (coproduction_id, version, position, title, due) values (?, ?, ?, ?, ?)",
                    id, v.number(), i, d.title(), d.due());
        }
    }

    @Override
    public void approve(String id, int version, OrgId org, Instant at) {
        jdbc.transaction(c -> {
            boolean already = !Jdbc.query(c, "select 1 from coproduction_approvals where coproduction_id = ? and version = ? and org_id = ?",
                    rs -> 1, id, version, org.value()).isEmpty();
            if (!already) {
                Jdbc.update(c, "insert into coproduction_approvals (coproduction_id, version, org_id, approved_at) values (?, ?, ?, ?)",
                        id, version, org.value(), at);
                NetworkVersion.bump(c, Set.of()); // co-productions only
            }
            return null;
        });
    }

    @Override
    public Optional<Coproduction> byId(String id) {
        return load("where p.id = ?", id).stream().findFirst();
    }

    @Override
    public List<Coproduction> withParty(OrgId org) {
        // Parties are stored as space-separated words; the exact match is made after loading.
        return load("where v.parties like ?", "%" + org.value() + "%").stream()
                .filter(p -> p.plan().orgs().contains(org)).toList();
    }

    @Override
    public List<Coproduction> all() {
        return load("");
    }

    @Override
    public List<ProjectVersion> versions(String id) {
        return jdbc.transaction(c -> versions(c, id));
    }

    private static List<ProjectVersion> versions(Connection c, String id) throws SQLException {
        List<Integer> numbers = Jdbc.query(c, "select version from coproduction_versions where coproduction_id = ? order by version",
                rs -> rs.getInt(1), id);
        List<ProjectVersion> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(version(c, id, n));
        }
        return out;
    }

    /**
     * Each co-produced item's parties with their territories, as the latest version of its project that every party
     * approved says (an amendment counts once approved); an item whose project was never approved maps to no party,
     * so no party's licence carries it.
     */
    public Map<ItemId, ProjectTerritories> territoriesByItem() {
        List<String> projects = jdbc.query("select id from coproductions", rs -> rs.getString(1));
        return jdbc.transaction(c -> {
            Map<String, Map<OrgId, Territories>> byProject = new HashMap<>();
            for (String project : projects) {
                Map<OrgId, Territories> parties = new HashMap<>();
                versions(c, project).stream().filter(ProjectVersion::approvedByEveryParty).reduce((a, b) -> b)
                        .ifPresent(v -> v.plan().parties().forEach(p -> parties.put(p.org(), p.territories())));
                byProject.put(project, parties);
            }
            Map<ItemId, ProjectTerritories> out = new HashMap<>();
            Jdbc.query(c, "select item_id, coproduction_id from coproduced_items where coproduction_id is not null", rs -> {
                String project = rs.getString(2);
                out.put(new ItemId(rs.getString(1)), new ProjectTerritories(project, byProject.getOrDefault(project, Map.of())));
                return null;
            });
            return out;
        });
    }

    private List<Coproduction> load(String where, Object... params) {
        return jdbc.transaction(c -> {
            record Head(String id, int version) {}
            List<Head> heads = Jdbc.query(c, "select p.id, p.current_version from coproductions p join coproduction_versions v "
                    + "on v.coproduction_id = p.id and v.version = p.current_version " + where + " order by p.id",
                    rs -> new Head(rs.getString(1), rs.getInt(2)), params);
            List<Coproduction> out = new ArrayList<>();
            for (Head h : heads) {
                out.add(new Coproduction(h.id(), version(c, h.id(), h.version())));
            }
            return out;
        });
    }

    private static ProjectVersion version(Connection c, String id, int number) throws SQLException {
        record Row(String title, String agreement, Framework framework, Optional<ShareRules> rules, List<String> languages,
                   OrgId createdBy, Instant createdAt) {}
        Row row = Jdbc.query(c, "select * from coproduction_versions where coproduction_id = ? and version = ?", rs -> new Row(
                rs.getString("title"), rs.getString("agreement_id"), Framework.fromWire(rs.getString("framework")),
                rs.getBigDecimal("min_share") == null ? Optional.empty()
                        : Optional.of(new ShareRules(rs.getBigDecimal("min_share").stripTrailingZeros(), rs.getBigDecimal("max_share").stripTrailingZeros())),
                rs.getString("languages").isBlank() ? List.of() : Arrays.asList(rs.getString("languages").trim().split(" +")),
                new OrgId(rs.getString("created_by")), Jdbc.instant(rs, "created_at")), id, number).getFirst();
        List<Party> parties = Jdbc.query(c, "select * from coproduction_parties where coproduction_id = ? and version = ? order by position",
                rs -> new Party(new OrgId(rs.getString("org_id")), Party.Function.fromWire("/function", rs.getString("function")),
                        rs.getBigDecimal("share"), Territories.of(Words.split(rs.getString("territories_include"), Function.identity()),
                        Words.split(rs.getString("territories_exclude"), Function.identity()))), id, number);
        List<Deliverable> deliverables = Jdbc.query(c, "select * from coproduction_deliverables where coproduction_id = ? and version = ? order by position",
                rs -> new Deliverable(rs.getString("title"), Jdbc.maybeInstant(rs, "due")), id, number);
        Set<OrgId> approvals = new HashSet<>(Jdbc.query(c, "select org_id from coproduction_approvals where coproduction_id = ? and version = ?",
                rs -> new OrgId(rs.getString(1)), id, number));
        Plan plan = new Plan(row.title(), row.agreement(), row.framework(), row.rules(), parties, row.languages(), deliverables);
        return new ProjectVersion(number, plan, row.createdBy(), row.createdAt(), approvals);
    }
}
