package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.fixtures.MovableClock;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.BruteForce;
import ponte.core.licensing.Network;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.products.ProductId;
import ponte.core.search.Order;
import ponte.core.search.Results;
import ponte.core.search.SearchRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search never shows a partner an item its feed would not give it: random licences (products, territories,
 * languages, embargo delays, validity windows) and random items (languages, rights, embargoes, kills, corrections),
 * searched with the index caught up or lagging. And, with the index caught up, search finds every live item the
 * brute-force rule grants. One node for all tries; each try is a fresh little network of its own orgs.
 */
class SearchScopeProperties {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final List<String> LANGUAGES = List.of("it", "zh-Hans", "ko", "ja", "en", "");
    static final List<String> PARTNER_COUNTRIES = List.of("KR", "JP", "IT");

    static Path dataDir;
    static MovableClock clock;
    static TestNode node;
    static final AtomicInteger worlds = new AtomicInteger();

    record LicenceSpec(int licensor, int partner, int products, int territory, int languages, boolean delayed, int validity) {}

    record ItemSpec(int owner, int product, int language, int rights, int embargo, int fate) {}

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("ponte-search-props");
        clock = new MovableClock(T0);
        node = new TestNode(dataDir, clock);
    }

    @AfterContainer
    static void stop() throws Exception {
        node.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is not a test failure
        }
    }

    @Property(tries = 15)
    void searchNeverShowsAPartnerWhatItsFeedWouldNot(
            @ForAll @Size(max = 6) List<@From("licences") LicenceSpec> licences,
            @ForAll @Size(min = 1, max = 8) List<@From("items") ItemSpec> items,
            @ForAll @IntRange(min = 0, max = 180) int minutesLater,
            @ForAll boolean indexCaughtUp) {
        Node w = node.handle();
        String world = "w" + worlds.incrementAndGet();
        String word = "zq" + letters(worlds.get()) + "x";
        List<OrgId> licensors = List.of(org(w, world + "-l0", "IT"), org(w, world + "-l1", "CN"));
        List<OrgId> partners = new ArrayList<>();
        for (int p = 0; p < PARTNER_COUNTRIES.size(); p++) {
            partners.add(org(w, world + "-p" + p, PARTNER_COUNTRIES.get(p)));
        }
        Map<OrgId, List<ProductId>> products = new HashMap<>();
        for (OrgId l : licensors) {
            products.put(l, List.of(product(w, l, l.value() + "-a"), product(w, l, l.value() + "-b")));
        }
        int n = 0;
        for (LicenceSpec spec : licences) {
            agree(w, world + "-g" + n++, spec, licensors, partners, products);
        }
        for (ItemSpec spec : items) {
            publish(w, spec, licensors, products, word);
        }
        clock.advance(Duration.ofMinutes(minutesLater));
        w.releaseDue(); // time's releases, which the node appends within a second
        if (indexCaughtUp) {
            w.catchUpSearch();
        }

        Network network = w.network();
        for (OrgId partner : partners) {
            Caller caller = new Caller.Member(partner, Role.PARTNER);
            Set<String> found = new HashSet<>();
            Results results = w.useCases().searching().search(caller, request(word));
            results.hits().forEach(h -> found.add(h.candidate().id().value() + "@" + h.candidate().version().number()));
            assertThat(feedLatest(w, caller)).as("feed of " + partner).containsAll(found);
            if (indexCaughtUp) {
                assertThat(found).as("search of " + partner).containsAll(granted(w, network, partner, word));
            }
        }
    }

    private static SearchRequest request(String word) {
        return new SearchRequest(word, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Order.RELEVANCE, SearchRequest.MAX_LIMIT, Optional.empty());
    }

    /** "item@version" for every entry the feed gives the partner now, of items that are live. */
    private static Set<String> feedLatest(Node w, Caller caller) {
        Set<String> out = new HashSet<>();
        Cursor after = Cursor.START;
        while (true) {
            Feeds.Page page = w.useCases().feeds().page(caller, after, Feeds.MAX_LIMIT);
            for (FeedEntry e : page.entries()) {
                Item now = w.items().byId(e.item().id()).orElseThrow();
                if (!now.killed()) {
                    out.add(e.item().id().value() + "@" + e.version().number());
                }
            }
            if (page.next().equals(after)) {
                return out;
            }
            after = page.next();
        }
    }

    /** What the brute-force rule grants the partner now, among live items carrying the word. */
    private static Set<String> granted(Node w, Network network, OrgId partner, String word) {
        Set<String> out = new HashSet<>();
        for (String id : published.getOrDefault(word, List.of())) {
            Item item = w.items().byId(new ItemId(id)).orElseThrow();
            Version latest = w.items().version(item.id(), item.latestVersion()).orElseThrow();
            if (!item.killed() && BruteForce.grants(network, partner, item, latest, clock.instant())) {
                out.add(id + "@" + latest.number());
            }
        }
        return out;
    }

    private static final Map<String, List<String>> published = new HashMap<>();

    private static void publish(Node w, ItemSpec spec, List<OrgId> licensors, Map<OrgId, List<ProductId>> products, String word) {
        OrgId owner = licensors.get(spec.owner());
        Caller editor = new Caller.Member(owner, Role.EDITOR);
        String language = LANGUAGES.get(spec.language());
        ObjectNode ninjs = TestNode.ninjs(language.isEmpty() ? "it" : language, word + " headline");
        if (language.isEmpty()) {
            ninjs.remove("language");
        }
        switch (spec.embargo()) {
            case 1 -> ninjs.put("embargoedUntil", clock.instant().plus(Duration.ofMinutes(30)).toString());
            case 2 -> ninjs.put("embargoedUntil", clock.instant().minus(Duration.ofHours(1)).toString());
            default -> { }
        }
        Territories rights = switch (spec.rights()) {
            case 1 -> Territories.of(Set.of("IT"), Set.of());
            case 2 -> Territories.of(Set.of("*"), Set.of("KR"));
            case 3 -> Territories.of(Set.of("CN", "KR"), Set.of());
            default -> Territories.WORLDWIDE;
        };
        var content = w.useCases().ninjsReader().read(ninjs);
        ItemId id = w.useCases().publishing().publish(editor, Optional.empty(), content, Set.of(products.get(owner).get(spec.product())), rights)
                .revision().item().id();
        published.computeIfAbsent(word, k -> new ArrayList<>()).add(id.value());
        if (spec.fate() == 1) {
            w.useCases().publishing().kill(editor, id, "withdrawn");
        } else if (spec.fate() == 2) {
            w.useCases().publishing().revise(editor, id, content, Event.CORRECTED);
        }
    }

    private static void agree(Node w, String id, LicenceSpec spec, List<OrgId> licensors, List<OrgId> partners, Map<OrgId, List<ProductId>> products) {
        OrgId licensor = licensors.get(spec.licensor());
        OrgId partner = partners.get(spec.partner());
        List<ProductId> own = products.get(licensor);
        Set<ProductId> granted = switch (spec.products()) {
            case 1 -> Set.of(own.get(0));
            case 2 -> Set.of(own.get(1));
            default -> Set.copyOf(own);
        };
        String country = PARTNER_COUNTRIES.get(spec.partner());
        Territories territories = switch (spec.territory()) {
            case 1 -> Territories.of(Set.of(country), Set.of());
            case 2 -> Territories.of(Set.of("*"), Set.of(country));
            case 3 -> Territories.of(Set.of("BR"), Set.of());
            default -> Territories.WORLDWIDE;
        };
        Set<String> languages = switch (spec.languages()) {
            case 1 -> Set.of("it");
            case 2 -> Set.of("zh");
            case 3 -> Set.of("en", "ko");
            default -> Set.of();
        };
        Instant now = clock.instant();
        Validity validity = switch (spec.validity()) {
            case 1 -> new Validity(Optional.of(now.minus(Duration.ofDays(10))), Optional.of(now.plus(Duration.ofMinutes(45))));
            case 2 -> new Validity(Optional.of(now.plus(Duration.ofMinutes(20))), Optional.empty());
            default -> Validity.ALWAYS;
        };
        Grant grant = new Grant(licensor, partner, granted, territories, languages, spec.delayed() ? Duration.ofMinutes(40) : Duration.ZERO, false);
        w.useCases().agreeing().propose(new Caller.Member(licensor, Role.EDITOR), id, new Terms("Terms " + id, Set.of(licensor, partner), validity, List.of(grant)));
        for (OrgId party : List.of(licensor, partner)) {
            w.useCases().agreeing().approve(new Caller.Member(party, Role.ADMIN), id, Optional.empty());
        }
    }

    private static OrgId org(Node w, String id, String country) {
        return w.useCases().onboarding().register(new Caller.Operator(), new Org(new OrgId(id), id, OrgKind.fromWire("agency"), CountryCode.of(country))).id();
    }

    private static ProductId product(Node w, OrgId owner, String id) {
        return w.useCases().cataloguing().register(new Caller.Member(owner, Role.EDITOR), new ProductId(id), id).id();
    }

    /** A number as letters only, so every analyser reads the word the same way in documents and queries. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    @Provide
    Arbitrary<LicenceSpec> licences() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
                .as(LicenceSpec::new);
    }

    @Provide
    Arbitrary<ItemSpec> items() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, LANGUAGES.size() - 1),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2))
                .as(ItemSpec::new);
    }
}
