package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Explaining one's own item names no agreement one's org is not a party to: of the licences to the partner it weighs
 * exactly those from the item's owner, and never another licensor's, in force or a draft. Over HTTP, on one node;
 * each try is a little network of its own (three agencies, two broadcasters, random agreements among them).
 */
class ExplainScopeTest {
    static Path dataDir;
    static TestNode node;
    static final AtomicInteger worlds = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("ponte-explain");
        node = new TestNode(dataDir);
    }

    @AfterContainer
    static void stop() throws Exception {
        node.close();
        ReindexTest.delete(dataDir);
    }

    /** Agency A's editor explains A's item for partner Q: A's licence only, not B's licence to Q nor B's draft with U. */
    @Example
    void explainingOnesOwnItemShowsNoOtherLicensorsTerms() {
        World w = new World(List.of("a", "b"), List.of("q", "u"));
        w.agreement("a-q", List.of("a", "q"), List.of(new Grant("a", "q")));
        w.approveByAll("a-q");
        w.agreement("b-q", List.of("b", "q"), List.of(new Grant("b", "q")));
        w.approveByAll("b-q");
        w.agreement("b-u-draft", List.of("b", "u"), List.of(new Grant("b", "q"), new Grant("b", "u")));
        String itemOfA = w.publish("a");
        String itemOfB = w.publish("b");

        assertThat(w.explainedAgreements("a", itemOfA, "q")).containsExactly(w.id("a-q"));
        assertThat(w.explainedAgreements("a", itemOfA, "u")).isEmpty();
        assertThat(w.explainedAgreements("b", itemOfB, "q")).containsExactlyInAnyOrder(w.id("b-q"), w.id("b-u-draft"));
        // What A's explanation said of B's agreements before: A cannot read them.
        assertThat(node.get("/v1/agreements/" + w.id("b-q"), w.editor("a")).status()).isEqualTo(404);
        assertThat(node.get("/v1/agreements/" + w.id("b-u-draft"), w.editor("a")).status()).isEqualTo(404);
    }

    /**
     * One agreement of a random network: its first grant from an agency to any other org; the licensee a party or
     * not; more parties; maybe a second grant from another agency among the parties; and how far approval went.
     */
    record AgreementSpec(int licensor, int licenseeOffset, boolean licenseeIsParty, int moreParties, boolean secondGrant, int state) {}

    /** A grant of the licensor's news to the licensee, by the names the world gives its orgs. */
    record Grant(String licensor, String licensee) {}

    @Property(tries = 20)
    void explainNamesExactlyTheOwnersAgreementsWithThePartner(@ForAll @Size(max = 6) List<@From("agreements") AgreementSpec> specs) {
        List<String> agencies = List.of("a0", "a1", "a2");
        World w = new World(agencies, List.of("p0", "p1"));
        List<String> orgs = w.orgs();
        // Expected, per (licensor, licensee): the agreements with such a grant, whatever their state.
        Map<String, Set<String>> granting = new HashMap<>();
        for (int n = 0; n < specs.size(); n++) {
            AgreementSpec spec = specs.get(n);
            String licensor = agencies.get(spec.licensor());
            String licensee = orgs.get((orgs.indexOf(licensor) + 1 + spec.licenseeOffset()) % orgs.size());
            Set<String> parties = new LinkedHashSet<>(List.of(licensor));
            if (spec.licenseeIsParty()) {
                parties.add(licensee);
            }
            for (int i = 0; i < orgs.size(); i++) {
                if ((spec.moreParties() & (1 << i)) != 0) {
                    parties.add(orgs.get(i));
                }
            }
            List<Grant> grants = new ArrayList<>();
            grants.add(new Grant(licensor, licensee));
            parties.stream().filter(p -> agencies.contains(p) && !p.equals(licensor) && !p.equals(licensee)).findFirst()
                    .filter(other -> spec.secondGrant()).ifPresent(other -> grants.add(new Grant(other, licensee)));
            String name = "g" + n;
            w.agreement(name, List.copyOf(parties), grants);
            switch (spec.state()) {
                case 1 -> w.approveByAll(name);
                case 2 -> {
                    w.approveByAll(name);
                    w.ok(node.post("/v1/agreements/" + w.id(name) + "/suspend", w.admin(licensor), ""));
                }
                case 3 -> w.ok(node.post("/v1/agreements/" + w.id(name) + "/approve", w.admin(licensor), ""));
                default -> { } // a draft nobody approved
            }
            grants.forEach(g -> granting.computeIfAbsent(g.licensor() + ">" + g.licensee(), k -> new TreeSet<>()).add(w.id(name)));
        }
        for (String owner : agencies) {
            String item = w.publish(owner);
            for (String partner : orgs) {
                if (partner.equals(owner)) {
                    continue;
                }
                Set<String> named = w.explainedAgreements(owner, item, partner);
                assertThat(named).as("%s explaining its item for %s", owner, partner)
                        .isEqualTo(granting.getOrDefault(owner + ">" + partner, Set.of()));
                for (String agreement : named) {
                    assertThat(node.get("/v1/agreements/" + agreement, w.editor(owner)).status())
                            .as("%s reads agreement %s, named by its explanation", owner, agreement).isEqualTo(200);
                }
            }
        }
    }

    @Provide
    Arbitrary<AgreementSpec> agreements() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 31), Arbitraries.of(true, false), Arbitraries.integers().between(0, 3)).as(AgreementSpec::new);
    }

    /** A network of its own on the shared node: agencies (editor and admin keys, a product each) and broadcasters (admin keys). */
    static final class World {
        private final String prefix = "x" + worlds.incrementAndGet() + "-";
        private final List<String> agencies;
        private final List<String> broadcasters;
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, List<String>> parties = new HashMap<>();

        World(List<String> agencies, List<String> broadcasters) {
            this.agencies = agencies;
            this.broadcasters = broadcasters;
            for (String org : orgs()) {
                String kind = agencies.contains(org) ? "agency" : "broadcaster";
                ok(node.post("/v1/orgs", TestNode.ADMIN, "{\"id\":\"" + id(org) + "\",\"name\":\"" + org + "\",\"kind\":\"" + kind + "\",\"country\":\"IT\"}"));
                keys.put(org + "/admin", node.key(id(org), "admin"));
            }
            for (String agency : agencies) {
                keys.put(agency + "/editor", node.key(id(agency), "editor"));
                node.product(editor(agency), id(agency) + "-news");
            }
        }

        List<String> orgs() {
            List<String> all = new ArrayList<>(agencies);
            all.addAll(broadcasters);
            return all;
        }

        String id(String name) {
            return prefix + name;
        }

        String editor(String org) {
            return keys.get(org + "/editor");
        }

        String admin(String org) {
            return keys.get(org + "/admin");
        }

        /** Proposed by the first party (an agency, the first grant's licensor); each grant covers its licensor's news. */
        void agreement(String name, List<String> parties, List<Grant> grants) {
            StringBuilder g = new StringBuilder();
            for (Grant grant : grants) {
                g.append(g.isEmpty() ? "" : ",").append("{\"licensor\":\"").append(id(grant.licensor())).append("\",\"licensee\":\"")
                        .append(id(grant.licensee())).append("\",\"products\":[\"").append(id(grant.licensor())).append("-news\"]}");
            }
            String partyList = String.join("\",\"", parties.stream().map(this::id).toList());
            ok(node.post("/v1/agreements", editor(parties.getFirst()), "{\"id\":\"" + id(name) + "\",\"title\":\"" + name + "\",\"parties\":[\""
                    + partyList + "\"],\"grants\":[" + g + "]}"));
            this.parties.put(name, parties);
        }

        void approveByAll(String name) {
            for (String party : parties.get(name)) {
                ok(node.post("/v1/agreements/" + id(name) + "/approve", admin(party), ""));
            }
        }

        String publish(String agency) {
            TestNode.Answer a = node.post("/v1/items", editor(agency), publishBody(ninjs("it", "A story of " + agency), id(agency) + "-news"));
            ok(a);
            return a.json().get("id").asString();
        }

        /** The agreements the licences of the owner's explanation belong to. */
        Set<String> explainedAgreements(String owner, String item, String partner) {
            TestNode.Answer a = node.get("/v1/items/" + item + "/explain?partner=" + id(partner), editor(owner));
            ok(a);
            Set<String> out = new TreeSet<>();
            a.json().get("licences").forEach(l -> out.add(l.get("licence").get("agreement").asString()));
            return out;
        }

        void ok(TestNode.Answer a) {
            assertThat(a.status()).as(a.raw().body()).isBetween(200, 299);
        }
    }
}
