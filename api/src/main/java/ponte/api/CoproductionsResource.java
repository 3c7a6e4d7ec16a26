package ponte.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.coproduction.Coproducing;
import ponte.core.coproduction.Coproduction;
import ponte.core.coproduction.Deliverable;
import ponte.core.coproduction.Framework;
import ponte.core.coproduction.Party;
import ponte.core.coproduction.Plan;
import ponte.core.coproduction.ProjectVersion;
import ponte.core.coproduction.ShareRules;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/coproductions: co-production projects, versioned and approved by every party's admin as agreements are. */
public final class CoproductionsResource implements Resource {
    private static final Members APPROVAL = Members.of("version");
    private static final Members PARTY = Members.of("org", "function", "share").with("territories", ItemsResource.TERRITORIES);
    /** {@code id} names the project when it is proposed, and is ignored when it is amended (as for agreements). */
    static final Members PLAN = Members.of("id", "title", "agreement", "framework", "languages")
            .with("rules", Members.of("minShare", "maxShare"))
            .withEach("parties", PARTY)
            .withEach("deliverables", Members.of("title", "due"));

    private final Coproducing coproducing;

    public CoproductionsResource(Coproducing coproducing) {
        this.coproducing = coproducing;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/coproductions", this::propose);
        routes.add("GET", "/v1/coproductions", this::list);
        routes.add("GET", "/v1/coproductions/{id}", this::show);
        routes.add("PUT", "/v1/coproductions/{id}", this::amend);
        routes.add("GET", "/v1/coproductions/{id}/versions", this::versions);
        routes.add("POST", "/v1/coproductions/{id}/approve", this::approve);
    }

    private void propose(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(PLAN);
        String id = JsonInput.text(body, "id");
        Coproduction project = coproducing.propose(caller, id, read(body));
        x.header("Location", "/v1/coproductions/" + project.id());
        x.json(201, view(project));
    }

    private void amend(Exchange x) {
        var caller = x.caller();
        x.json(200, view(coproducing.amend(caller, x.path("id"), read(x.body(PLAN)))));
    }

    private void approve(Exchange x) {
        var caller = x.caller();
        Optional<Integer> version = JsonInput.optionalInt(x.optionalBody(APPROVAL), "version", 1, Integer.MAX_VALUE);
        x.json(200, view(coproducing.approve(caller, x.path("id"), version)));
    }

    private void show(Exchange x) {
        var caller = x.caller();
        x.json(200, view(coproducing.read(caller, x.path("id"))));
    }

    /** The projects the caller's org is a party to, by id. */
    private void list(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, coproducing.mine(caller), Coproduction::id), this::view);
    }

    /** The project's versions, oldest first. */
    private void versions(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, coproducing.history(caller, x.path("id")), v -> String.format("%010d", v.number())),
                CoproductionsResource::version);
    }

    /** A plan as POST and PUT take it; also used to load the demo network. */
    public static Plan read(JsonNode body) {
        PLAN.check(body);
        String title = JsonInput.text(body, "title");
        String agreement = JsonInput.text(body, "agreement");
        Framework framework = Framework.fromWire(JsonInput.text(body, "framework"));
        Optional<ShareRules> rules = Optional.empty();
        JsonNode r = body.get("rules");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new Invalid("/rules", "rules must be an object with minShare and maxShare");
            }
            rules = Optional.of(new ShareRules(percent(r, "minShare", "/rules/minShare"), percent(r, "maxShare", "/rules/maxShare")));
        }
        JsonNode partiesNode = body.get("parties");
        if (partiesNode == null || !partiesNode.isArray()) {
            throw new Invalid("/parties", "parties must be an array");
        }
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < partiesNode.size(); i++) {
            parties.add(party(partiesNode.get(i), "/parties/" + i));
        }
        List<String> languages = List.copyOf(JsonInput.texts(body, "languages", false));
        for (int i = 0; i < languages.size(); i++) {
            JsonInput.languageTag(languages.get(i), "/languages/" + i);
        }
        List<Deliverable> deliverables = new ArrayList<>();
        JsonNode d = body.get("deliverables");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw new Invalid("/deliverables", "deliverables must be an array");
            }
            for (int i = 0; i < d.size(); i++) {
                deliverables.add(deliverable(d.get(i), "/deliverables/" + i));
            }
        }
        Optional<ShareRules> finalRules = rules;
        return new Plan(title, agreement, framework, finalRules, parties, languages, deliverables);
    }

    private static Party party(JsonNode p, String at) {
        if (!p.isObject()) {
            throw new Invalid(at, "a party is an object");
        }
        OrgId org = JsonInput.at(at + "/org", () -> new OrgId(JsonInput.text(p, "org")));
        Party.Function function = Party.Function.fromWire(at + "/function", JsonInput.within(at, () -> JsonInput.text(p, "function")));
        BigDecimal share = percent(p, "share", at + "/share");
        Territories territories = Territories.WORLDWIDE;
        JsonNode t = p.get("territories");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw new Invalid(at + "/territories", "territories is an object with include and exclude lists");
            }
            JsonNode include = t.get("include");
            JsonNode exclude = t.get("exclude");
            territories = JsonInput.at(at + "/territories", () -> Territories.of(
                    include == null ? Set.of("*") : JsonInput.textsAt(include, at + "/territories/include"),
                    exclude == null ? Set.of() : JsonInput.textsAt(exclude, at + "/territories/exclude")));
        }
        return new Party(org, function, share, territories);
    }

    private static Deliverable deliverable(JsonNode d, String at) {
        if (!d.isObject()) {
            throw new Invalid(at, "a deliverable is an object");
        }
        String title = JsonInput.within(at, () -> JsonInput.text(d, "title"));
        if (title.isBlank() || title.length() > 500) {
            throw new Invalid(at + "/title", "title must be 1-500 characters");
        }
        Optional<Instant> due = JsonInput.within(at, () -> AgreementTerms.instant(d, "due"));
        return new Deliverable(title, due);
    }

    /** A percentage from 0 to 100 with at most two decimals. */
    private static BigDecimal percent(JsonNode object, String field, String at) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            throw new Invalid(at, field + " is required");
        }
        if (!n.isNumber()) {
            throw new Invalid(at, field + " must be a number of percent from 0 to 100");
        }
        BigDecimal value = n.decimalValue();
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new Invalid(at, field + " must be a number of percent from 0 to 100, with at most two decimals");
        }
        return value;
    }

    private ObjectNode view(Coproduction p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", p.id());
        node.put("state", coproducing.state(p).name().toLowerCase(Locale.ROOT));
        node.setAll(version(p.current()));
        return node;
    }

    private static ObjectNode version(ProjectVersion v) {
        Plan plan = v.plan();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", v.number());
        node.put("title", plan.title());
        node.put("agreement", plan.agreement());
        node.put("framework", plan.framework().wire());
        ObjectNode rules = node.putObject("rules");
        rules.put("minShare", plan.shareRules().minShare());
        rules.put("maxShare", plan.shareRules().maxShare());
        ArrayNode parties = node.putArray("parties");
        for (Party party : plan.parties()) {
            ObjectNode pn = parties.addObject();
            pn.put("org", party.org().value());
            pn.put("function", party.function().wire());
            pn.put("share", party.share());
            ObjectNode t = pn.putObject("territories");
            party.territories().includeWire().forEach(t.putArray("include")::add);
            party.territories().excludeWire().forEach(t.putArray("exclude")::add);
        }
        ArrayNode languages = node.putArray("languages");
        plan.languages().forEach(languages::add);
        ArrayNode deliverables = node.putArray("deliverables");
        for (Deliverable d : plan.deliverables()) {
            ObjectNode dn = deliverables.addObject().put("title", d.title());
            d.due().ifPresent(due -> dn.put("due", due.toString()));
        }
        ArrayNode approvedBy = node.putArray("approvedBy");
        v.approvedBy().stream().sorted().forEach(o -> approvedBy.add(o.value()));
        ArrayNode awaiting = node.putArray("awaitingApproval");
        v.awaitingApproval().forEach(o -> awaiting.add(o.value()));
        node.put("createdBy", v.createdBy().value());
        node.put("createdAt", v.createdAt().toString());
        return node;
    }
}
