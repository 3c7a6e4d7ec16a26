package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.SmallNetworks.Scenario;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/**
 * A gate refreshed by what each change concerns ({@link Entitlements#refresh(Set)}: only its licensees' partitions
 * rebuilt, the whole index rebuilt in the background now and then, and changes landing while that rebuild reads)
 * answers every question exactly as a gate built whole from the network after the change.
 */
class IncrementalRefreshTest {
    private static final List<String> COUNTRIES = List.of("IT", "CN", "KR", "JP", "US", "KE", "BR");

    // 500 stories of 8 changes (4,000 incremental refreshes, each judged against a gate built whole), not 2,000: those
    // made core's tests take ~45 s. Each build draws new stories, so builds together still cover many more; and the
    // breakages tried against it (the whole index not skipping changed partitions' partners, a rebuild keeping no
    // partition changed during its read) fail it within the first two tries.
    @Property(tries = 500)
    void incrementalRefreshAnswersAsAWholeRebuild(@ForAll("stories") Random random) {
        Story story = new Story(random, SmallNetworks.draw(random));
        // Two partitions, so that a partition holds changed and unchanged partners alike.
        Entitlements gate = new Entitlements(story, story.rebuilds::add, 2);
        story.overtaking = gate;
        for (int step = 0; step < 8; step++) {
            gate.refresh(story.change());
            if (random.nextInt(3) == 0 && !story.rebuilds.isEmpty()) {
                story.rebuilds.remove().run();
            }
            Scenario s = SmallNetworks.draw(random);
            assertAnswersAlike(gate, new Entitlements(() -> story.network), story, s.item(), s.version(), s);
        }
    }

    private static void assertAnswersAlike(Entitlements gate, Entitlements whole, Story story, Item item, Version version, Scenario s) {
        String as = "after " + story.told + "\n" + story.network;
        assertThat(Set.copyOf(gate.route(item, version, s.received(), s.now()))).as(as)
                .isEqualTo(Set.copyOf(whole.route(item, version, s.received(), s.now())));
        assertThat(gate.route(item, version, s.received(), s.now())).extracting(Route::partner).as(as).doesNotHaveDuplicates();
        assertThat(gate.nextRelease(item, version, s.now())).as(as).isEqualTo(whole.nextRelease(item, version, s.now()));
        for (OrgId org : story.orgs) {
            String about = org + " " + as;
            assertThat(gate.licencesTo(org)).as(about).isEqualTo(whole.licencesTo(org));
            assertThat(gate.grantingLicence(org, item, version, s.now())).as(about).isEqualTo(whole.grantingLicence(org, item, version, s.now()));
            assertThat(gate.reader(org, s.now()).holdsUntil(item, version)).as(about).isEqualTo(whole.reader(org, s.now()).holdsUntil(item, version));
            assertThat(gate.explain(org, item, version, s.now())).as(about).isEqualTo(whole.explain(org, item, version, s.now()));
            assertThat(gate.usableCountries(org, item.owners().stream().findFirst(), version.rights())).as(about)
                    .isEqualTo(whole.usableCountries(org, item.owners().stream().findFirst(), version.rights()));
        }
    }

    @Provide
    Arbitrary<Random> stories() {
        return Arbitraries.randomValue(random -> new Random(random.nextLong()));
    }

    /**
     * A network changed one step at a time as the stores would change it (licences added, ended, suspended and resumed,
     * orgs' territories redrawn, orgs joining, co-productions approved and withdrawn), with what each change concerns.
     * Its whole read is now and then overtaken by a change, as a background rebuild's read is by a request.
     */
    private static final class Story implements NetworkSource {
        private final Random random;
        private final List<OrgId> orgs;
        private final Queue<Runnable> rebuilds = new ArrayDeque<>();
        private final List<String> told = new ArrayList<>();
        private Network network;
        private Entitlements overtaking;
        private int next;

        Story(Random random, Scenario start) {
            this.random = random;
            this.network = start.network();
            this.orgs = new ArrayList<>(start.orgs());
            this.orgs.sort(java.util.Comparator.comparing(OrgId::value));
        }

        @Override
        public Network whole() {
            Network read = network;
            if (overtaking != null && random.nextInt(3) == 0) {
                overtaking.refresh(change()); // committed after the read, refreshed before the read's rebuild lands
            }
            return read;
        }

        @Override
        public Network concerning(Set<OrgId> concerned) {
            return network.concerning(concerned);
        }

        /** One change to the network; what it concerns. */
        Set<OrgId> change() {
            List<Licence> licences = new ArrayList<>(network.licences());
            List<Network.Dormant> dormant = new ArrayList<>(network.dormant());
            Map<OrgId, Set<CountryCode>> territories = new HashMap<>(network.territories());
            Map<ponte.core.items.ItemId, ProjectTerritories> projects = new HashMap<>(network.coproduced());
            Set<OrgId> concerned = new HashSet<>();
            switch (random.nextInt(7)) {
                case 0 -> { // an agreement takes effect
                    Licence l = SmallNetworks.licence(random, "n" + next++, orgs);
                    licences.add(random.nextInt(licences.size() + 1), l);
                    concerned.addAll(Set.of(l.licensor(), l.licensee()));
                    told.add("added " + l.id());
                }
                case 1 -> { // one ends
                    if (!licences.isEmpty()) {
                        Licence l = licences.remove(random.nextInt(licences.size()));
                        concerned.addAll(Set.of(l.licensor(), l.licensee()));
                        told.add("ended " + l.id());
                    }
                }
                case 2 -> { // one is suspended: on paper only
                    if (!licences.isEmpty()) {
                        Licence l = licences.remove(random.nextInt(licences.size()));
                        dormant.add(new Network.Dormant(l, "suspended"));
                        concerned.addAll(Set.of(l.licensor(), l.licensee()));
                        told.add("suspended " + l.id());
                    }
                }
                case 3 -> { // one resumes
                    if (!dormant.isEmpty()) {
                        Licence l = dormant.remove(random.nextInt(dormant.size())).licence();
                        licences.add(random.nextInt(licences.size() + 1), l);
                        concerned.addAll(Set.of(l.licensor(), l.licensee()));
                        told.add("resumed " + l.id());
                    }
                }
                case 4 -> { // an org's outlets change
                    OrgId org = orgs.get(random.nextInt(orgs.size()));
                    territories.put(org, countries());
                    concerned.add(org);
                    told.add("moved " + org);
                }
                case 5 -> { // an org joins, with a licence to it
                    OrgId org = new OrgId("new" + next++);
                    orgs.add(org);
                    territories.put(org, countries());
                    Licence l = SmallNetworks.licence(random, "n" + next++, List.of(orgs.getFirst(), org));
                    licences.add(random.nextInt(licences.size() + 1), l);
                    concerned.addAll(List.of(org, l.licensor(), l.licensee()));
                    told.add("joined " + org + " with " + l.id());
                }
                default -> { // a co-production of the item is approved, re-planned or withdrawn: it concerns no org's licences
                    if (random.nextInt(3) == 0) {
                        projects.clear();
                        told.add("withdrew the co-production");
                    } else {
                        Map<OrgId, Territories> parties = new HashMap<>();
                        for (OrgId org : orgs.subList(0, 2)) {
                            parties.put(org, SmallNetworks.territories(random));
                        }
                        projects.put(new ponte.core.items.ItemId("i1"), new ProjectTerritories("p" + next++, parties));
                        told.add("co-produced under " + parties);
                    }
                }
            }
            network = new Network(licences, territories, dormant, projects);
            return concerned;
        }

        private Set<CountryCode> countries() {
            return COUNTRIES.stream().filter(c -> random.nextInt(3) == 0).map(CountryCode::of).collect(Collectors.toSet());
        }
    }
}
