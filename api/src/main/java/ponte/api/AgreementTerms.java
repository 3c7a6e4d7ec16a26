package ponte.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;

/** Agreement terms on the wire: parsing with refusals that point at the offending field. */
public final class AgreementTerms {
    private static final Members GRANT = Members.of("licensor", "licensee", "products", "languages", "embargoDelay", "exclusive")
            .with("territories", ItemsResource.TERRITORIES);
    /** The members of terms: {@code id} names the agreement when it is proposed, and is ignored when it is amended. */
    static final Members MEMBERS = Members.of("id", "title", "parties", "validFrom", "validTo").withEach("grants", GRANT);

    private AgreementTerms() {}

    /**
     * Reads agreement terms as POST and PUT /v1/agreements take them (also used to load the demo network); a member
     * they do not have is refused at its pointer.
     */
    public static Terms read(JsonNode body) {
        MEMBERS.check(body);
        String title = JsonInput.text(body, "title");
        Set<OrgId> parties = new LinkedHashSet<>();
        int p = 0;
        for (String party : JsonInput.texts(body, "parties", true)) {
            String at = "/parties/" + p++;
            parties.add(JsonInput.at(at, () -> new OrgId(party)));
        }
        Validity validity = JsonInput.at("/validTo", () -> new Validity(instant(body, "validFrom"), instant(body, "validTo")));
        JsonNode grantsNode = body.get("grants");
        if (grantsNode == null || !grantsNode.isArray()) {
            throw new Invalid("/grants", "grants must be an array");
        }
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < grantsNode.size(); i++) {
            grants.add(grant(grantsNode.get(i), "/grants/" + i));
        }
        return new Terms(title, parties, validity, grants);
    }

    private static Grant grant(JsonNode g, String at) {
        if (!g.isObject()) {
            throw new Invalid(at, "a grant is an object");
        }
        OrgId licensor = JsonInput.at(at + "/licensor", () -> new OrgId(JsonInput.text(g, "licensor")));
        OrgId licensee = JsonInput.at(at + "/licensee", () -> new OrgId(JsonInput.text(g, "licensee")));
        Set<ProductId> products = new LinkedHashSet<>();
        int i = 0;
        for (String product : JsonInput.textsAt(required(g, "products", at), at + "/products")) {
            String pointer = at + "/products/" + i++;
            products.add(JsonInput.at(pointer, () -> new ProductId(product)));
        }
        Territories territories = Territories.WORLDWIDE;
        JsonNode t = g.get("territories");
        if (t != null && !t.isNull()) {
            JsonNode include = t.get("include");
            JsonNode exclude = t.get("exclude");
            territories = JsonInput.at(at + "/territories", () -> Territories.of(
                    include == null ? Set.of("*") : JsonInput.textsAt(include, at + "/territories/include"),
                    exclude == null ? Set.of() : JsonInput.textsAt(exclude, at + "/territories/exclude")));
        }
        Set<String> languages = g.has("languages") ? JsonInput.textsAt(g.get("languages"), at + "/languages") : Set.of();
        Duration delay = Duration.ZERO;
        if (g.has("embargoDelay")) {
            try {
                delay = Duration.parse(JsonInput.text(g, "embargoDelay"));
            } catch (DateTimeParseException e) {
                throw new Invalid(at + "/embargoDelay", "embargoDelay must be an ISO 8601 duration such as PT15M");
            }
        }
        boolean exclusive = JsonInput.optionalBoolean(g, at, "exclusive").orElse(false);
        Duration finalDelay = delay;
        Territories finalTerritories = territories;
        return JsonInput.within(at, () -> new Grant(licensor, licensee, products, finalTerritories, languages, finalDelay, exclusive));
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid(at + "/" + field, field + " is required");
        }
        return value;
    }

    static Optional<Instant> instant(JsonNode body, String field) {
        return JsonInput.optionalText(body, field).map(raw -> Rfc3339.instant(raw)
                .orElseThrow(() -> new Invalid("/" + field, field + " must be an RFC 3339 time in UTC, e.g. 2026-02-06T19:00:00Z")));
    }
}
