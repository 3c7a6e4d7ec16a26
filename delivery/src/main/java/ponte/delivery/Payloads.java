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
import java.util.function.Function;
import ponte.core.delivery.Format;
import ponte.core.items.Item;
import ponte.core.licensing.Licence;
import ponte.core.log.FeedEntry;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.formats.ItemView;
import ponte.core.media.RenditionProfile;
import ponte.formats.NinjsWriter;
import ponte.formats.Renditions;
import ponte.formats.SignedHrefs;
import ponte.formats.Writers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a delivery, in the endpoint's format, with the item rendered for the org (with the licence it receives
 * it under) exactly as the feed renders it in that format:
 * <ul>
 *   <li>ninjs, ninjs 2.2 (wire "ninjs2"): a Standard Webhooks payload {@code {"type", "timestamp", "data"}} whose data is the feed entry
 *       (cursor, event as the org sees it, item in ninjs 3.1 or 2.2);</li>
 *   <li>NewsML-G2 (wire "newsmlg2"): the NewsML-G2 item document itself (a newsItem, or a packageItem for a composite), the element the
 *       feed's newsMessage carries for the entry. XML has no envelope: the item says what happened (signal
 *       sig:update or sig:correction, pubStatus stat:canceled for a kill) and the webhook-id names the cursor.</li>
 * </ul>
 * Rendered once per org, entry and format however many endpoints the org has.
 */
public final class Payloads {
    private static final String JSON = "application/json";
    private static final int CACHED = 4096;
    // The rendering carries the licence the gate named when the entry was read; a re-send minutes later renders again.
    private static final Duration FRESH = Duration.ofSeconds(60);

    /** A rendered body with its media type, and the facts of the version an endpoint filter needs (its subjects). */
    public record Rendered(byte[] body, String mediaType, Set<String> subjects, Instant at) {}

    private record Key(OrgId org, long seq, Format format) {}

    private final Writers writers;
    private final Orgs orgs;
    private final Clock clock;
    // One rendering per key even when thousands of workers ask at once (a fan-out): the first renders, the rest wait.
    private final Map<Key, CompletableFuture<Rendered>> cache = new ConcurrentHashMap<>();
    private final Map<OrgId, String> names = new ConcurrentHashMap<>();

    private final Function<OrgId, RenditionProfile> profiles;

    private final SignedHrefs links;

    /**
     * @param profiles which renditions each partner chose (a rendering already cached shows a change within {@link #FRESH})
     * @param links    signs the partner's rendition links, so a receiver fetches them without a key
     */
    public Payloads(Writers writers, Orgs orgs, Clock clock, Function<OrgId, RenditionProfile> profiles, SignedHrefs links) {
        this.writers = writers;
        this.orgs = orgs;
        this.clock = clock;
        this.profiles = profiles;
        this.links = links;
    }

    /** The body for the org's endpoints in this format, the item under the licence the gate named when it admitted it. */
    Rendered render(OrgId org, Admitted admitted, Format format) {
        FeedEntry entry = admitted.entry();
        Key key = new Key(org, entry.cursor().seq(), format);
        Instant now = clock.instant();
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        CompletableFuture<Rendered> shared = cache.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
        if (shared == mine) {
            if (cache.size() > CACHED) {
                cache.keySet().removeIf(k -> !k.equals(key)); // only a cache: dropping it costs one rendering per key
            }
            try {
                mine.complete(renderNow(admitted, format, now));
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

    private Rendered renderNow(Admitted admitted, Format format, Instant now) {
        FeedEntry entry = admitted.entry();
        // Every format is written from the one ninjs 3.1 rendering (as the feed does), and filters read its subjects.
        ObjectNode ninjs = forPartner(entry, admitted.access().licence());
        Set<String> subjects = subjects(ninjs);
        return switch (format) {
            case NINJS -> new Rendered(envelope(entry, ninjs), JSON, subjects, now);
            case NINJS_22 -> new Rendered(envelope(entry, writers.versions().to22(ninjs)), JSON, subjects, now);
            case NEWSML_G2 -> {
                ItemView view = new ItemView(entry.event(), ninjs, "/v1/items/" + entry.item().id().value());
                yield new Rendered(writers.newsMl().item(view), writers.newsMl().mediaTypeOf(view) + ";charset=utf-8", subjects, now);
            }
        };
    }

    private byte[] envelope(FeedEntry entry, ObjectNode item) {
        ObjectNode payload = NinjsWriter.mapper().createObjectNode();
        payload.put("type", "item." + entry.event().wire());
        payload.put("timestamp", entry.version().created().toString());
        ObjectNode data = payload.putObject("data");
        data.put("cursor", entry.cursor().encode());
        data.put("event", entry.event().wire());
        data.set("item", item);
        return writers.ninjs().bytes(payload);
    }

    /** The terms as the feed states them: the licence the partner reads under, or (none) the editor's own. */
    private ObjectNode forPartner(FeedEntry entry, Optional<Licence> licence) {
        Item item = entry.item();
        List<String> owners = item.owners().stream().sorted().map(this::name).toList();
        NinjsWriter.Terms terms = licence.map(l -> NinjsWriter.Terms.partnerView(owners, l, name(l.licensor()), name(l.licensee())))
                .orElseGet(() -> NinjsWriter.Terms.ownerView(owners));
        ObjectNode ninjs = writers.ninjs().render(item, entry.version(), terms);
        if (licence.isEmpty()) {
            return ninjs;
        }
        RenditionProfile profile = profiles.apply(licence.get().licensee());
        ObjectNode chosen = profile == RenditionProfile.EVERYTHING ? ninjs : Renditions.keep(ninjs, profile::wants);
        return links.sign(chosen, licence.get().licensee(), links.expiry(links.window(clock.instant())));
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
