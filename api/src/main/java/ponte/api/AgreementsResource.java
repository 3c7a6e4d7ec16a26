package ponte.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.agreements.Agreeing;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Grant;
import ponte.core.licensing.Licence;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/agreements and the /v1/licences shorthand: terms between parties, approved by every party's admin. */
public final class AgreementsResource implements Resource {
    private static final Members APPROVAL = Members.of("version");
    private static final Members RENEWAL = Members.of("validTo");
    private static final Members NEW_LICENCE = Members.of("licensee", "products");

    private final Agreeing agreeing;
    private final Clock clock;

    public AgreementsResource(Agreeing agreeing, Clock clock) {
        this.agreeing = agreeing;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/agreements", this::propose);
        routes.add("GET", "/v1/agreements", this::list);
        routes.add("GET", "/v1/agreements/{id}", this::show);
        routes.add("PUT", "/v1/agreements/{id}", this::amend);
        routes.add("GET", "/v1/agreements/{id}/versions", this::versions);
        routes.add("POST", "/v1/agreements/{id}/approve", this::approve);
        routes.add("POST", "/v1/agreements/{id}/renew", this::renew);
        routes.add("POST", "/v1/agreements/{id}/suspend", x -> suspend(x, true));
        routes.add("POST", "/v1/agreements/{id}/resume", x -> suspend(x, false));
        routes.add("POST", "/v1/licences", this::offer);
    }

    private void propose(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(AgreementTerms.MEMBERS);
        String id = JsonInput.text(body, "id");
        Agreement agreement = agreeing.propose(caller, id, AgreementTerms.read(body));
        x.header("Location", "/v1/agreements/" + agreement.id());
        x.json(201, view(agreement));
    }

    private void amend(Exchange x) {
        var caller = x.caller();
        x.json(200, view(agreeing.amend(caller, x.path("id"), AgreementTerms.read(x.body(AgreementTerms.MEMBERS)))));
    }

    private void renew(Exchange x) {
        var caller = x.caller();
        x.json(200, view(agreeing.renew(caller, x.path("id"), AgreementTerms.instant(x.body(RENEWAL), "validTo").orElseThrow(() -> new Invalid("/validTo", "validTo is required")))));
    }

    private void approve(Exchange x) {
        var caller = x.caller();
        Optional<Integer> version = JsonInput.optionalInt(x.optionalBody(APPROVAL), "version", 1, Integer.MAX_VALUE);
        x.json(200, view(agreeing.approve(caller, x.path("id"), version)));
    }

    private void suspend(Exchange x, boolean suspend) {
        var caller = x.caller();
        x.optionalBody(Members.NONE);
        x.json(200, view(agreeing.suspend(caller, x.path("id"), suspend)));
    }

    private void show(Exchange x) {
        var caller = x.caller();
        x.json(200, view(agreeing.read(caller, x.path("id"))));
    }

    /** The caller's agreements by id, paged: {@code after} is the last id of the previous page. */
    private void list(Exchange x) {
        var caller = x.caller();
        int limit = x.intQuery("limit", 50);
        if (limit < 1 || limit > 500) {
            throw new Invalid("/limit", "limit must be between 1 and 500");
        }
        String after = x.query("after").orElse("");
        List<Agreement> page = agreeing.mine(caller).stream()
                .filter(a -> a.id().compareTo(after) > 0)
                .sorted(java.util.Comparator.comparing(Agreement::id))
                .limit(limit)
                .toList();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        page.forEach(a -> items.add(view(a)));
        String next = page.isEmpty() ? after : page.getLast().id();
        body.put("next", next);
        x.header("Link", "</v1/agreements?after=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8) + "&limit=" + limit + ">; rel=\"next\"");
        x.json(200, body);
    }

    private void versions(Exchange x) {
        var caller = x.caller();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        agreeing.history(caller, x.path("id")).forEach(v -> items.add(version(v)));
        x.json(200, body);
    }

    private void offer(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW_LICENCE);
        OrgId licensee = JsonInput.at("/licensee", () -> new OrgId(JsonInput.text(body, "licensee")));
        Agreement agreement = agreeing.offer(caller, licensee, CatalogueResource.productIds(body));
        Licence licence = agreement.licences().getFirst();
        x.json(201, CatalogueResource.view(licence));
    }

    private ObjectNode view(Agreement a) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", a.id());
        node.put("state", a.state(clock.instant()).name().toLowerCase(java.util.Locale.ROOT));
        node.put("suspended", a.suspended());
        node.setAll(version(a.current()));
        ArrayNode licences = node.putArray("licences");
        if (a.inForce()) {
            a.licences().forEach(l -> licences.add(CatalogueResource.view(l)));
        }
        return node;
    }

    private static ObjectNode version(AgreementVersion v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", v.number());
        node.put("title", v.terms().title());
        ArrayNode parties = node.putArray("parties");
        v.terms().parties().stream().sorted().forEach(p -> parties.add(p.value()));
        v.terms().validity().from().ifPresent(f -> node.put("validFrom", f.toString()));
        v.terms().validity().to().ifPresent(t -> node.put("validTo", t.toString()));
        ArrayNode grants = node.putArray("grants");
        for (Grant g : v.terms().grants()) {
            ObjectNode gn = grants.addObject();
            CatalogueResource.terms(gn, g.licensor(), g.licensee(), g.products(), g.territories(), g.languages(), g.embargoDelay());
            gn.put("exclusive", g.exclusive());
        }
        ArrayNode approvedBy = node.putArray("approvedBy");
        v.approvedBy().stream().sorted().forEach(p -> approvedBy.add(p.value()));
        ArrayNode awaiting = node.putArray("awaitingApproval");
        v.awaitingApproval().forEach(p -> awaiting.add(p.value()));
        node.put("createdBy", v.createdBy().value());
        node.put("createdAt", v.createdAt().toString());
        return node;
    }


}
