package ponte.api;

import ponte.core.agreements.Dealings;
import ponte.core.onboarding.Onboarding;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;
import ponte.core.orgs.OutletKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/orgs: organisations and their outlets (their keys: {@link KeysResource}). */
public final class OrgsResource implements Resource {
    private static final Members NEW_ORG = Members.of("id", "name", "kind", "country");
    private static final Members NEW_OUTLET = Members.of("name", "kind", "country");

    private final Onboarding onboarding;
    private final Orgs orgs;
    private final Dealings dealings;

    public OrgsResource(Onboarding onboarding, Orgs orgs, Dealings dealings) {
        this.onboarding = onboarding;
        this.orgs = orgs;
        this.dealings = dealings;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/orgs", this::create);
        routes.add("GET", "/v1/orgs", this::list);
        routes.add("GET", "/v1/orgs/{org}", this::show);
        routes.add("POST", "/v1/orgs/{org}/outlets", this::addOutlet);
    }

    private void create(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW_ORG);
        Org org = new Org(
                JsonInput.at("/id", () -> new OrgId(JsonInput.text(body, "id"))),
                JsonInput.text(body, "name"),
                OrgKind.fromWire(JsonInput.text(body, "kind")),
                CountryCode.of(JsonInput.text(body, "country")));
        Org registered = onboarding.register(caller, org);
        x.header("Location", "/v1/orgs/" + registered.id());
        x.json(201, view(registered));
    }

    /** Every org to the operator; to an org's keys, their own and those it has agreements or licences with. By id. */
    private void list(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, dealings.orgs(caller), o -> o.id().value()), OrgsResource::view);
    }

    private void show(Exchange x) {
        x.caller(); // any key may read an org's public profile: partners need it to read credits
        OrgId id = JsonInput.at("/org", () -> new OrgId(x.path("org")));
        Org org = orgs.byId(id).orElseThrow(() -> new ponte.core.NotFound("no organisation " + id));
        ObjectNode view = view(org);
        var outlets = view.putArray("outlets");
        orgs.outlets(id).forEach(o -> outlets.addObject().put("id", o.id()).put("name", o.name()).put("kind", o.kind().wire()).put("country", o.country().value()));
        x.json(200, view);
    }

    private void addOutlet(Exchange x) {
        var caller = x.caller();
        OrgId org = JsonInput.at("/org", () -> new OrgId(x.path("org")));
        JsonNode body = x.body(NEW_OUTLET);
        Outlet outlet = onboarding.addOutlet(caller, new Outlet("new", org, JsonInput.text(body, "name"),
                OutletKind.fromWire(JsonInput.text(body, "kind")), CountryCode.of(JsonInput.text(body, "country"))));
        x.json(201, JsonNodeFactory.instance.objectNode().put("id", outlet.id()).put("org", org.value()).put("name", outlet.name())
                .put("kind", outlet.kind().wire()).put("country", outlet.country().value()));
    }

    private static ObjectNode view(Org org) {
        return JsonNodeFactory.instance.objectNode().put("id", org.id().value()).put("name", org.name())
                .put("kind", org.kind().wire()).put("country", org.country().value());
    }
}
