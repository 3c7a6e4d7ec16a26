package ponte.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.IssuedKey;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.access.KeyPosition;
import ponte.core.access.NewKey;
import ponte.core.access.Role;
import ponte.core.onboarding.Onboarding;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/orgs/{org}/keys: an org's API keys, issued, listed and revoked by its admins (or the operator). */
public final class KeysResource implements Resource {
    private static final Members NEW_KEY = Members.of("role", "label", "expiresAt");

    private final Onboarding onboarding;
    private final Authenticator authenticator;

    /** @param authenticator told of each revocation, so this node refuses the key at once */
    public KeysResource(Onboarding onboarding, Authenticator authenticator) {
        this.onboarding = onboarding;
        this.authenticator = authenticator;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/orgs/{org}/keys", this::issue);
        routes.add("GET", "/v1/orgs/{org}/keys", this::list);
        routes.add("DELETE", "/v1/orgs/{org}/keys/{id}", this::revoke);
    }

    private void issue(Exchange x) {
        var caller = x.caller();
        OrgId org = org(x);
        JsonNode body = x.body(NEW_KEY);
        Role role = Role.fromWire(JsonInput.text(body, "role"));
        Optional<String> label = JsonInput.optionalText(body, "label");
        Optional<Instant> expiresAt = AgreementTerms.instant(body, "expiresAt");
        IssuedKey issued = onboarding.issueKey(caller, new NewKey(org, role, label, expiresAt));
        ObjectNode view = JsonNodeFactory.instance.objectNode().put("key", issued.secret());
        view.setAll(view(issued.key()));
        x.json(201, view);
    }

    private void list(Exchange x) {
        var caller = x.caller();
        OrgId org = org(x);
        Optional<KeyPosition> after = x.query("after").map(cursor -> KeyPosition.parse("after", cursor));
        int limit = Paging.limit(x);
        List<Key> keys = onboarding.keys(caller, org, after, limit + 1);
        Paging.send(x, Paging.of(keys, limit, key -> key.position().encode()), KeysResource::view);
    }

    private void revoke(Exchange x) {
        var caller = x.caller();
        OrgId org = org(x);
        KeyId id;
        try {
            id = new KeyId(x.path("id"));
        } catch (Invalid e) {
            throw new NotFound("no key " + x.path("id") + " in organisation " + org);
        }
        onboarding.revokeKey(caller, org, id);
        authenticator.forget(id);
        x.noContent();
    }

    private static OrgId org(Exchange x) {
        return JsonInput.at("/org", () -> new OrgId(x.path("org")));
    }

    /** Everything about a key but its secret, which no store keeps. Absent facts are null, so every key has one shape. */
    private static ObjectNode view(Key key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", key.id().value()).put("org", key.org().value()).put("role", key.role().wire())
                .put("label", key.label().orElse(null)).put("createdAt", key.createdAt().toString());
        node.put("lastUsedAt", key.lastUsedAt().map(Instant::toString).orElse(null));
        node.put("expiresAt", key.expiresAt().map(Instant::toString).orElse(null));
        return node;
    }
}
