package ponte.api;

import java.time.Clock;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.agreements.Agreeing;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.Dealings;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Grant;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/agreements and the /v1/licences shorthand: terms between parties, approved by every party's admin. */
public final class AgreementsResource implements Resource {
    private static final Members APPROVAL = Members.of("version");
    private static final Members RENEWAL = Members.of("validTo");
    private static final Members NEW_LICENCE = Members.of("id", "licensee", "products");

    private final Agreeing agreeing;
    private final Dealings dealings;
    private final Clock clock;

    public AgreementsResource(Agreeing agreeing, Dealings dealings, Clock clock) {
        this.agreeing = agreeing;
        this.dealings = dealings;
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
        routes.add("GET", "/v1/licences", this::licences);
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

    /** The caller's agreements, by id. */
    private void list(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, agreeing.mine(caller), Agreement::id), this::view);
    }

    /** The agreement's versions, oldest first. */
    private void versions(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, agreeing.history(caller, x.path("id")), v -> String.format("%010d", v.number())),
                AgreementsResource::version);
    }

    /** The shorthand's agreement, as {@code GET /v1/agreements/{id}} shows it: its one grant is the licence. */
    private void offer(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW_LICENCE);
        Optional<String> id = JsonInput.optionalText(body, "id");
        OrgId licensee = JsonInput.at("/licensee", () -> new OrgId(JsonInput.text(body, "licensee")));
        Agreement agreement = agreeing.offer(caller, id, licensee, CatalogueResource.productIds(body));
        x.header("Location", "/v1/agreements/" + agreement.id());
        x.json(201, view(agreement));
    }

    /** The licences to and from the caller's org in force now, by id, each with its agreement and grant. */
    private void licences(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, dealings.licences(caller), h -> h.licence().id().value()),
                h -> CatalogueResource.view(h.licence()).put("grant", h.grant()));
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
