package ponte.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.orgs.Territories;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Outlet;
import ponte.core.orgs.OutletKind;
import ponte.core.reach.Reporting;
import ponte.core.reach.UsageKind;
import ponte.core.products.ProductId;
import ponte.formats.NinjsWriter;
import ponte.api.AgreementTerms;
import ponte.api.CoproductionsResource;
import ponte.storage.JdbcAgreements;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo network (resource {@code demo/network.json}) loaded through the same use cases the API calls. Loading it
 * again changes nothing: orgs and products are registered idempotently, licences and items are skipped when present.
 */
public final class DemoNetwork {
    /** A demo key, printed so the README's tour can be followed by copy and paste. */
    public record DemoKey(OrgId org, Role role, String secret) {}

    /** The demo user of a demo key: "italpress-editor", whose password is the key, "demo-italpress-editor". */
    static String username(DemoKey key) {
        return key.org().value() + "-" + key.role().wire();
    }

    public record Loaded(int orgs, int products, int agreements, int itemsPublished, List<DemoKey> keys) {}

    private final UseCases useCases;
    private final JdbcKeys keyStore;
    private final JdbcItems items;
    private final JdbcAgreements agreements;
    private final DemoCampaign campaigns;

    DemoNetwork(UseCases useCases, JdbcKeys keys, JdbcItems items, JdbcAgreements agreements, DemoCampaign campaigns) {
        this.useCases = useCases;
        this.keyStore = keys;
        this.items = items;
        this.agreements = agreements;
        this.campaigns = campaigns;
    }

    Loaded load() {
        JsonNode network = read();
        Caller operator = new Caller.Operator();
        List<DemoKey> keys = new ArrayList<>();
        java.util.Map<String, String> outletIds = new java.util.HashMap<>(); // "org/name" to the id the outlet was given
        for (JsonNode o : network.get("orgs")) {
            OrgId id = new OrgId(o.get("id").asString());
            useCases.onboarding().register(operator, new Org(id, o.get("name").asString(), OrgKind.fromWire(o.get("kind").asString()), CountryCode.of(o.get("country").asString())));
            for (JsonNode outlet : o.path("outlets")) {
                Outlet added = useCases.onboarding().addOutlet(operator, new Outlet("new", id, outlet.get("name").asString(),
                        OutletKind.fromWire(outlet.get("kind").asString()), CountryCode.of(outlet.get("country").asString())));
                outletIds.put(id.value() + "/" + added.name(), added.id());
            }
            for (Role role : List.of(Role.ADMIN, Role.EDITOR, Role.PARTNER)) {
                String secret = "demo-" + id.value() + "-" + role.wire();
                keyStore.install(id, role, secret);
                keys.add(new DemoKey(id, role, secret));
            }
        }
        int products = 0;
        for (JsonNode p : network.get("products")) {
            useCases.cataloguing().register(editor(p.get("owner")), new ProductId(p.get("id").asString()), p.get("name").asString());
            products++;
        }
        int agreements = 0;
        for (JsonNode a : network.get("agreements")) {
            loadAgreement(a);
            agreements++;
        }
        for (JsonNode c : network.path("coproductions")) {
            loadCoproduction(c);
        }
        java.util.Map<OrgId, String> names = new java.util.HashMap<>();
        network.get("orgs").forEach(o -> names.put(new OrgId(o.get("id").asString()), o.get("name").asString()));
        int published = 0;
        for (JsonNode item : network.get("items")) {
            String uri = item.get("uri").asString();
            if (items.byUri(uri).isPresent()) {
                continue;
            }
            JsonNode ninjs = item.get("ninjs");
            // A language version names its original by uri in the file; the original is listed (and published) first.
            Optional<ItemId> translationOf = Optional.ofNullable(item.get("translationOf"))
                    .map(original -> items.byUri(original.asString()).orElseThrow().id());
            if (item.has("coproduction")) {
                coproduce(item, names, translationOf);
            } else {
                useCases.publishing().publish(editor(item.get("owner")), Optional.of(uri), useCases.ninjsReader().read(ninjs),
                        productIds(item.get("products")), Territories.WORLDWIDE, translationOf);
            }
            published++;
        }
        reportUsage(network.path("usage"), outletIds);
        for (JsonNode c : network.path("campaigns")) {
            campaigns.load(c, outletIds);
        }
        return new Loaded(network.get("orgs").size(), products, agreements, published, keys);
    }

    /**
     * What the partners did with the demo's items (CGTN airing the Milano-Cortina special in Kenya and the United States,
     * Arirang in Korea, Rede Ipê in Brazil, Trip.com's views of the Tuscany live stream), reported as each partner would,
     * through POST /v1/usage's use case; loading again sends the same reports under the same ids, which count once.
     */
    private void reportUsage(JsonNode usage, java.util.Map<String, String> outletIds) {
        java.util.Map<OrgId, List<Reporting.Report>> byOrg = new java.util.LinkedHashMap<>();
        for (JsonNode u : usage) {
            OrgId org = new OrgId(u.get("org").asString());
            String outlet = java.util.Objects.requireNonNull(outletIds.get(org.value() + "/" + u.get("outlet").asString()), "demo outlet");
            byOrg.computeIfAbsent(org, o -> new ArrayList<>()).add(new Reporting.Report(u.get("id").asString(),
                    new Reporting.ItemRef.ByUri(u.get("uri").asString()), Optional.empty(), outlet,
                    UsageKind.fromWire(u.get("usage").asString()).orElseThrow(), java.time.Instant.parse(u.get("at").asString()),
                    Optional.of(u.get("audience").asLong())));
        }
        byOrg.forEach((org, reports) -> useCases.reporting().reportAll(new Caller.Member(org, Role.PARTNER), reports));
    }

    /**
     * Proposes the agreement as its first party's editor and has the listed parties' admins approve it (all by
     * default); a "renewTo" renews it afterwards and has it approved again. Already loaded agreements are left alone.
     */
    private void loadAgreement(JsonNode a) {
        String id = a.get("id").asString();
        if (agreements.byId(id).isPresent()) {
            return;
        }
        ObjectNode terms = (ObjectNode) a.deepCopy();
        terms.remove(List.of("approvedBy", "renewTo"));
        List<OrgId> parties = new ArrayList<>();
        a.get("parties").forEach(p -> parties.add(new OrgId(p.asString())));
        List<OrgId> approvers = new ArrayList<>(parties);
        if (a.has("approvedBy")) {
            approvers.clear();
            a.get("approvedBy").forEach(p -> approvers.add(new OrgId(p.asString())));
        }
        useCases.agreeing().propose(new Caller.Member(parties.getFirst(), Role.EDITOR), id, AgreementTerms.read(terms));
        approvers.forEach(p -> useCases.agreeing().approve(new Caller.Member(p, Role.ADMIN), id, Optional.empty()));
        if (a.has("renewTo")) {
            useCases.agreeing().renew(new Caller.Member(parties.getFirst(), Role.EDITOR), id, java.time.Instant.parse(a.get("renewTo").asString()));
            approvers.forEach(p -> useCases.agreeing().approve(new Caller.Member(p, Role.ADMIN), id, Optional.empty()));
        }
    }

    /** Proposes the project as its first party's editor; the listed parties' admins approve it (all by default). */
    private void loadCoproduction(JsonNode c) {
        ObjectNode plan = (ObjectNode) c.deepCopy();
        plan.remove("approvedBy");
        OrgId lead = new OrgId(c.get("parties").get(0).get("org").asString());
        String id = c.get("id").asString();
        useCases.coproducing().propose(new Caller.Member(lead, Role.EDITOR), id, CoproductionsResource.read(plan));
        List<OrgId> approvers = new ArrayList<>();
        if (c.has("approvedBy")) {
            c.get("approvedBy").forEach(p -> approvers.add(new OrgId(p.asString())));
        } else {
            c.get("parties").forEach(p -> approvers.add(new OrgId(p.get("org").asString())));
        }
        approvers.forEach(p -> useCases.coproducing().approve(new Caller.Member(p, Role.ADMIN), id, Optional.empty()));
    }

    /**
     * A co-produced item as the API makes one: drafted by its owner's editor with every party credited, then approved
     * by an editor of each party, the last approval releasing it onto the log.
     */
    private void coproduce(JsonNode item, java.util.Map<OrgId, String> names, Optional<ItemId> translationOf) {
        Caller drafter = editor(item.get("owner"));
        String project = item.get("coproduction").asString();
        List<ponte.core.coproduction.Party> parties = useCases.cosigning().credits(drafter, project);
        ObjectNode ninjs = ponte.formats.Credits.stamp((ObjectNode) item.get("ninjs"), parties.stream()
                .map(p -> new ponte.formats.Credits.Credit(names.get(p.org()), p.org().value(), p.function().wire())).toList());
        ponte.core.coproduction.Draft draft = useCases.cosigning().create(drafter, project, Optional.of(item.get("uri").asString()),
                useCases.ninjsReader().read(ninjs), productIds(item.get("products")), Territories.WORLDWIDE, translationOf);
        for (ponte.core.coproduction.Party party : parties) {
            useCases.cosigning().approve(new Caller.Member(party.org(), Role.EDITOR), draft.item(), draft.number(), Optional.empty());
        }
    }

    private static Caller editor(JsonNode org) {
        return new Caller.Member(new OrgId(org.asString()), Role.EDITOR);
    }

    private static Set<ProductId> productIds(JsonNode array) {
        Set<ProductId> out = new LinkedHashSet<>();
        array.forEach(p -> out.add(new ProductId(p.asString())));
        return out;
    }

    /** The ninjs an item of the demo network is published with. */
    static JsonNode ninjsOf(String uri) {
        for (JsonNode item : read().get("items")) {
            if (item.get("uri").asString().equals(uri)) {
                return item.get("ninjs");
            }
        }
        throw new IllegalArgumentException("no demo item " + uri);
    }

    static JsonNode read() {
        try (InputStream in = DemoNetwork.class.getResourceAsStream("/ponte/app/demo/network.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo network resource is missing from the build");
            }
            return NinjsWriter.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
