package ponte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ponte.app.Node;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.node.ObjectNode;

/** The search benchmark's network (an agency per corpus language, one partner) and its corpus published through Ponte. */
final class SearchNetwork {
    private SearchNetwork() {}

    static String countryOf(String language) {
        return switch (language) {
            case "it" -> "IT";
            case "zh-Hans" -> "CN";
            case "ko" -> "KR";
            case "ja" -> "JP";
            default -> "GB";
        };
    }

    static String productOf(String language) {
        return "wire-" + language.toLowerCase(Locale.ROOT);
    }

    static OrgId orgOf(String language) {
        return new OrgId("agency-" + language.toLowerCase(Locale.ROOT));
    }

    /** One agency per language, each with a product licensed (worldwide, every language) to one partner. */
    static OrgId network(Node w) {
        Caller operator = new Caller.Operator();
        OrgId partner = new OrgId("partner");
        w.useCases().onboarding().register(operator, new Org(partner, "Partner", OrgKind.fromWire("broadcaster"), CountryCode.of("SG")));
        for (String language : SearchCorpus.LANGUAGES) {
            OrgId agency = orgOf(language);
            w.useCases().onboarding().register(operator, new Org(agency, "Agency " + language, OrgKind.fromWire("agency"), CountryCode.of(countryOf(language))));
            Caller editor = new Caller.Member(agency, Role.EDITOR);
            w.useCases().cataloguing().register(editor, new ProductId(productOf(language)), "Wire " + language);
            w.useCases().agreeing().offer(editor, java.util.Optional.empty(), partner, Set.of(new ProductId(productOf(language))));
        }
        return partner;
    }

    /** Through the real path (ninjs validation, the desk, routing, group commit), from 64 concurrent publishers. */
    static double publish(Node w, SearchCorpus corpus, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        SearchCorpus.Item item = corpus.item(i);
                        Caller editor = new Caller.Member(orgOf(item.language()), Role.EDITOR);
                        w.useCases().publishing().publish(editor, Optional.empty(), w.useCases().ninjsReader().read(ninjs(item)),
                                Set.of(new ProductId(productOf(item.language()))), Territories.WORLDWIDE);
                        progress("publish", done.incrementAndGet(), n, t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static ObjectNode ninjs(SearchCorpus.Item item) {
        ObjectNode n = NinjsWriter.mapper().createObjectNode();
        n.put("type", item.type());
        n.put("language", item.language());
        n.putArray("headlines").addObject().put("role", "main").put("value", item.headline());
        n.putArray("bodies").addObject().put("role", "text").put("contentType", "text/plain").put("value", item.body());
        n.putArray("subjects").addObject().put("name", item.subject()[1]).put("uri", item.subject()[0]);
        return n;
    }

    static void progress(String what, long done, long total, long t0) {
        long step = Math.max(1, total / 20);
        if (done % step == 0 || done == total) {
            double s = (System.nanoTime() - t0) / 1e9;
            double eta = done == 0 ? 0 : s / done * (total - done);
            System.out.printf("  %-12s %3d%%  %,d/%,d  %.0f s elapsed, ETA %.0f s%n", what, done * 100 / total, done, total, s, eta);
        }
    }
}
