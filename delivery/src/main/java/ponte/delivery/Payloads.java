package ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import ponte.core.delivery.Format;
import ponte.core.items.Item;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Licence;
import ponte.core.log.FeedEntry;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a delivery: a Standard Webhooks payload {@code {"type", "timestamp", "data"}} whose data holds the
 * entry's cursor, its event as the org sees it and the item rendered for the org (with the licence it receives it
 * under), exactly as the feed renders it. Rendered once per org and entry however many endpoints the org has.
 */
public final class Payloads {
    /** Formats this module renders today; ninjs 2.2 and NewsML-G2 come with the formats work (issue 5). */
    public static final Set<Format> AVAILABLE = Set.of(Format.NINJS);
    private static final int CACHED = 4096;
    // The rendering carries the licence in force now; a re-send minutes later renders again.
    private static final Duration FRESH = Duration.ofSeconds(60);

    /** A rendered body, and the facts of the version an endpoint filter needs (its subjects). */
    public record Rendered(byte[] body, Set<String> subjects, Instant at) {}

    private record Key(OrgId org, long seq, Format format) {}

    private final NinjsWriter writer;
    private final Entitlements entitlements;
    private final Orgs orgs;
    private final Clock clock;
    // One rendering per key even when thousands of workers ask at once (a fan-out): the first renders, the rest wait.
    private final Map<Key, CompletableFuture<Rendered>> cache = new ConcurrentHashMap<>();
    private final Map<OrgId, String> names = new ConcurrentHashMap<>();

    public Payloads(NinjsWriter writer, Entitlements entitlements, Orgs orgs, Clock clock) {
        this.writer = writer;
        this.entitlements = entitlements;
        this.orgs = orgs;
        this.clock = clock;
    }

    public Rendered render(OrgId org, FeedEntry entry, Format format) {
        Key key = new Key(org, entry.cursor().seq(), format);
        Instant now = clock.instant();
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        CompletableFuture<Rendered> shared = cache.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
        if (shared == mine) {
            if (cache.size() > CACHED) {
                cache.keySet().removeIf(k -> !k.equals(key)); // only a cache: dropping it costs one rendering per key
            }
            try {
                mine.complete(renderNow(org, entry, format, now));
            } catch (RuntimeException e) {
                cache.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static boolean fresh(CompletableFuture<Rendered> rendered, Instant now) {
        if (!rendered.isDone()) {
            return true; // being rendered right now
        }
        return !rendered.isCompletedExceptionally() && Duration.between(rendered.join().at(), now).compareTo(FRESH) < 0;
    }

    private Rendered renderNow(OrgId org, FeedEntry entry, Format format, Instant now) {
        if (format != Format.NINJS) {
            throw new IllegalStateException("format " + format.wire() + " is not rendered for push yet");
        }
        ObjectNode item = forPartner(org, entry, now);
        ObjectNode payload = NinjsWriter.mapper().createObjectNode();
        payload.put("type", "item." + entry.event().wire());
        payload.put("timestamp", entry.version().created().toString());
        ObjectNode data = payload.putObject("data");
        data.put("cursor", entry.cursor().encode());
        data.put("event", entry.event().wire());
        data.set("item", item);
        return new Rendered(writer.bytes(payload), subjects(item), now);
    }

    private ObjectNode forPartner(OrgId partner, FeedEntry entry, Instant now) {
        Item item = entry.item();
        Optional<Licence> licence = entitlements.grantingLicence(partner, item, entry.version(), now);
        String licensor = licence.map(l -> name(l.licensor())).orElse("");
        List<String> owners = item.owners().stream().sorted().map(this::name).toList();
        return writer.render(item, entry.version(), new NinjsWriter.Terms(owners, licence, licensor, name(partner)));
    }

    /** ninjs 3.1 subjects: each one's uri, literal and name, any of which an endpoint filter may name. */
    static Set<String> subjects(JsonNode ninjs) {
        Set<String> out = new HashSet<>();
        for (JsonNode subject : ninjs.path("subjects")) {
            for (String field : List.of("uri", "literal", "name")) {
                JsonNode value = subject.get(field);
                if (value != null && value.isString()) {
                    out.add(value.asString());
                }
            }
        }
        return out;
    }

    private String name(OrgId org) {
        return names.computeIfAbsent(org, id -> orgs.byId(id).map(Org::name).orElse(id.value()));
    }
}
