package ponte.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.AuditPosition;
import ponte.core.audit.AuditTrail;
import ponte.core.audit.Auditing;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/audit: who changed what, when and from where; read-only, newest first, to an org's admins and the operator. */
public final class AuditResource implements Resource {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private final Auditing auditing;

    public AuditResource(Auditing auditing) {
        this.auditing = auditing;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/audit", this::list);
    }

    private void list(Exchange x) {
        var caller = x.caller();
        Optional<Action> action = x.query("action").map(a -> Action.fromWire("/action", a));
        Optional<Instant> since = x.query("since").map(AuditResource::since);
        Optional<AuditPosition> after = x.query("after").map(cursor -> AuditPosition.parse("after", cursor));
        int limit = Paging.limit(x);
        List<AuditTrail.Recorded> entries = auditing.read(caller, action, since, after, limit + 1);
        Paging.send(x, Paging.of(entries, limit, r -> new AuditPosition(r.position()).encode()), AuditResource::view);
    }

    /** An RFC 3339 time within the years both databases store (no entry is older than Ponte, nor newer than 9999). */
    private static Instant since(String value) {
        Invalid refusal = new Invalid("/since", "since must be an RFC 3339 date-time between the years 1 and 9999 (2026-02-06T19:00:00Z)");
        try {
            Instant since = Instant.parse(value.toUpperCase(Locale.ROOT));
            if (since.isBefore(EARLIEST) || since.isAfter(Key.LATEST)) {
                throw refusal;
            }
            return since;
        } catch (DateTimeParseException e) {
            throw refusal;
        }
    }

    private static ObjectNode view(AuditTrail.Recorded recorded) {
        var e = recorded.entry();
        Actor a = e.actor();
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", new AuditPosition(recorded.position()).encode())
                .put("recordedAt", e.at().toString()).put("action", e.action().wire());
        node.putObject("actor").put("kind", a.kind().wire()).put("org", a.org().map(OrgId::value).orElse(null))
                .put("keyId", a.key().map(KeyId::value).orElse(null)).put("user", a.user().orElse(null)).put("address", a.address().orElse(null));
        node.putObject("target").put("type", e.action().targetType()).put("id", e.target());
        node.put("summary", e.summary());
        return node;
    }
}
