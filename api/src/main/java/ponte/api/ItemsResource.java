package ponte.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.agreements.Explaining;
import ponte.core.coproduction.Cosigning;
import ponte.core.coproduction.Draft;
import ponte.core.coproduction.Party;
import ponte.core.coproduction.Step;
import ponte.core.translation.Translating;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.publishing.Publishing;
import ponte.core.media.Attaching;
import ponte.core.media.HeldItem;
import ponte.core.media.HeldItems;
import ponte.core.media.Media;
import ponte.core.Conflict;
import java.time.Clock;
import ponte.core.reach.Reads;
import ponte.core.reading.Reading;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Territories;
import ponte.core.log.Appended;
import ponte.formats.Credits;
import ponte.formats.ItemView;
import ponte.formats.NinjsReader;
import ponte.formats.Writers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/items: publish, revise, kill and read items. */
public final class ItemsResource implements Resource {
    /** Territories as a request gives them, in an item's rights and in a grant. */
    static final Members TERRITORIES = Members.of("include", "exclude");
    private static final Members NEW_ITEM = Members.of("ninjs", "products", "translationOf", "coproduction", ItemMedia.MEMBER)
            .with("rights", Members.of().with("territories", TERRITORIES));
    private static final Members REVISION = Members.of("ninjs", "signal", ItemMedia.MEMBER);
    private static final Members KILL = Members.of("reason", "languageVersions");
    private static final Members SIGNOFF = Members.of("version", "comment");
    private static final Members MACHINE_TRANSLATION = Members.of("language");

    private final Publishing publishing;
    private final Cosigning cosigning;
    private final Translating translating;
    private final Reading reading;
    private final Explaining explaining;
    private final NinjsReader ninjsReader;
    private final Attaching attaching;
    private final HeldItems heldItems;
    private final Clock clock;
    private final Writers writers;
    private final ItemViews views;
    private final Reads reads;

    /**
     * @param attaching the media items may carry ({@code "media"} beside the ninjs)
     * @param heldItems publish requests held until the files they name are ready
     * @param reads      where a partner's item read counts (a 304 counts nothing)
     */
    public ItemsResource(Publishing publishing, Cosigning cosigning, Translating translating, Reading reading, Explaining explaining, NinjsReader ninjsReader, Writers writers, ItemViews views,
                         Attaching attaching, HeldItems heldItems, Reads reads, Clock clock) {
        this.attaching = attaching;
        this.heldItems = heldItems;
        this.clock = clock;
        this.publishing = publishing;
        this.cosigning = cosigning;
        this.translating = translating;
        this.reading = reading;
        this.explaining = explaining;
        this.ninjsReader = ninjsReader;
        this.writers = writers;
        this.views = views;
        this.reads = reads;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/items", this::publish);
        routes.add("GET", "/v1/items/{id}", this::read);
        routes.add("PUT", "/v1/items/{id}", this::revise);
        routes.add("DELETE", "/v1/items/{id}", this::kill);
        routes.add("GET", "/v1/items/{id}/explain", this::explain);
        routes.add("GET", "/v1/items/{id}/versions", this::versions);
        routes.add("POST", "/v1/items/{id}/approve", this::approve);
        routes.add("POST", "/v1/items/{id}/reject", this::reject);
        routes.add("POST", "/v1/items/{id}/machine-translations", this::machineTranslate);
    }

    /** What a publish or revision answers: its status, its Location if any, its body. */
    private record Answer(int status, Optional<String> location, ObjectNode body) {}

    private void publish(Exchange x) {
        answer(x, publish(x.caller(), x.body(NEW_ITEM), x.base(), true));
    }

    private void revise(Exchange x) {
        answer(x, revise(x.caller(), itemId(x), x.body(REVISION), x.base(), true));
    }

    private static void answer(Exchange x, Answer answer) {
        answer.location().ifPresent(l -> x.header("Location", l));
        x.json(answer.status(), answer.body());
    }

    /** @param mayHold whether a request naming files still processing is held (false when a held one is released) */
    private Answer publish(Caller caller, JsonNode body, String base, boolean mayHold) {
        Optional<String> coproduction = JsonInput.optionalText(body, "coproduction");
        List<Media> media = ItemMedia.named(attaching, caller, body);
        List<String> waiting = Attaching.waitingFor(media);
        if (!waiting.isEmpty() && (coproduction.isPresent() || !mayHold)) {
            throw new Conflict("media " + waiting.getFirst() + " is still being made into renditions; publish once GET /v1/media/"
                    + waiting.getFirst() + " says ready");
        }
        JsonNode plain = ponte.formats.Renditions.attached(JsonInput.object(body, "ninjs"), Attaching.ready(media), base);
        JsonNode ninjs = coproduction.isPresent() ? credited(plain, cosigning.credits(caller, coproduction.get())) : plain;
        Content content = ninjsReader.read(ninjs);
        Optional<ItemId> translationOf = JsonInput.optionalText(body, "translationOf")
                .map(t -> JsonInput.at("/translationOf", () -> new ItemId(t)));
        if (!waiting.isEmpty()) {
            publishing.mayPublish(caller, CatalogueResource.productIds(body));
            rights(body);
            return held(caller, Optional.empty(), body, base, media, waiting);
        }
        if (coproduction.isPresent()) {
            Draft draft = cosigning.create(caller, coproduction.get(), ninjsReader.uri(ninjs), content, CatalogueResource.productIds(body),
                    rights(body), translationOf);
            if (!media.isEmpty()) {
                attaching.attached(draft.item(), media);
            }
            return new Answer(201, Optional.of("/v1/items/" + draft.item() + "/versions"), draftReceipt(draft));
        }
        Appended appended = publishing.publish(caller, ninjsReader.uri(ninjs), content,
                CatalogueResource.productIds(body), rights(body), translationOf);
        if (!media.isEmpty() || appended.revision().version().number() > 1) {
            attaching.attached(appended.revision().item().id(), media);
        }
        return new Answer(appended.revision().version().number() == 1 ? 201 : 200,
                Optional.of("/v1/items/" + appended.revision().item().id()), receipt(appended));
    }

    private Answer revise(Caller caller, ItemId id, JsonNode body, String base, boolean mayHold) {
        boolean coproduced = cosigning.coproduced(id);
        List<Media> media = ItemMedia.named(attaching, caller, body);
        List<String> waiting = Attaching.waitingFor(media);
        if (!waiting.isEmpty() && (coproduced || !mayHold)) {
            throw new Conflict("media " + waiting.getFirst() + " is still being made into renditions; publish once GET /v1/media/"
                    + waiting.getFirst() + " says ready");
        }
        JsonNode plain = ponte.formats.Renditions.attached(JsonInput.object(body, "ninjs"), Attaching.ready(media), base);
        JsonNode ninjs = coproduced ? credited(plain, cosigning.creditsOf(caller, id)) : plain;
        Event signal = switch (JsonInput.optionalText(body, "signal").orElse("update")) {
            case "update" -> Event.UPDATED;
            case "correction" -> Event.CORRECTED;
            default -> throw new Invalid("/signal", "signal must be 'update' or 'correction'");
        };
        Content content = ninjsReader.read(ninjs);
        if (!waiting.isEmpty()) {
            // Only an item the caller may revise is held for: reading it as the caller refuses any other as missing.
            publishing.mayRevise(caller, id);
            return held(caller, Optional.of(id), body, base, media, waiting);
        }
        if (coproduced) {
            Draft draft = cosigning.revise(caller, id, content, signal);
            attaching.attached(id, media);
            return new Answer(200, Optional.empty(), draftReceipt(draft));
        }
        Appended appended = publishing.revise(caller, id, content, signal);
        attaching.attached(id, media);
        return new Answer(200, Optional.empty(), receipt(appended));
    }

    /**
     * Keeps the request, out of the log (no partner sees it), until every file it names is ready: 202 with the files
     * it waits for, whose progress (or failure, and why) the editor follows at {@code GET /v1/media/{id}}.
     */
    private Answer held(Caller caller, Optional<ItemId> item, JsonNode body, String base, List<Media> media, List<String> waiting) {
        if (!(caller instanceof Caller.Member member)) {
            throw new ponte.core.NotAllowed("only an org's editor publishes");
        }
        HeldItem held = new HeldItem(java.util.UUID.randomUUID().toString(),
                new Caller.Member(member.org(), member.role(), member.key(), Optional.empty(), member.person()), item, body.toString(), base,
                media.stream().map(Media::id).toList(), Optional.empty(), clock.instant());
        heldItems.hold(held);
        return new Answer(202, Optional.empty(), heldView(held, waiting));
    }

    static ObjectNode heldView(HeldItem held, List<String> waiting) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", held.id()).put("state", held.reason().isPresent() ? "stuck" : "waiting");
        held.item().ifPresent(i -> out.put("item", i.value()));
        headline(held).ifPresent(h -> out.put("headline", h));
        var files = out.putArray("waitingFor");
        waiting.forEach(files::add);
        held.reason().ifPresent(r -> out.put("reason", r));
        out.put("createdAt", held.createdAt().toString());
        return out;
    }

    /** The headline the held request's ninjs gives first, which tells an editor which story waits. */
    private static Optional<String> headline(HeldItem held) {
        JsonNode headlines = ponte.formats.NinjsWriter.mapper().readTree(held.body()).path("ninjs").path("headlines");
        return Optional.of(headlines.path(0).path("value")).filter(JsonNode::isString).map(JsonNode::asString);
    }

    /**
     * Publishes every held request whose files are all ready, as its editor sent it; marks stuck, with why, one whose
     * file failed. Run by {@link HeldRelease} on every node: taking a request deletes it, so only one node publishes it.
     */
    public void releaseHeld() {
        for (HeldItem h : heldItems.all()) {
            if (h.reason().isPresent()) {
                continue;
            }
            List<Media> media;
            try {
                media = attaching.awaited(h.caller(), h.media(), "/media");
            } catch (ponte.core.PonteException e) {
                heldItems.stuck(h.id(), e.getMessage());
                continue;
            }
            if (!Attaching.waitingFor(media).isEmpty() || !heldItems.take(h.id())) {
                continue;
            }
            try {
                JsonNode body = ponte.formats.NinjsWriter.mapper().readTree(h.body());
                if (h.item().isPresent()) {
                    revise(h.caller(), h.item().get(), body, h.base(), false);
                } else {
                    publish(h.caller(), body, h.base(), false);
                }
            } catch (RuntimeException e) {
                // Kept, with why, for the editor to see: the request is not lost.
                heldItems.hold(new HeldItem(h.id(), h.caller(), h.item(), h.body(), h.base(), h.media(),
                        Optional.of(String.valueOf(e.getMessage())), h.createdAt()));
            }
        }
    }


    private void kill(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        JsonNode body = x.optionalBody(KILL);
        String reason = reason(x, body);
        if (reason.isBlank() || reason.length() > 2000) {
            throw new Invalid("/reason", "reason must be 1-2000 characters");
        }
        Optional<String> versions = JsonInput.optionalText(body, "languageVersions");
        if (versions.isPresent()) {
            if (!versions.get().equals("all")) {
                throw new Invalid("/languageVersions", "languageVersions is \"all\": kill every language version of the item");
            }
            var killed = JsonNodeFactory.instance.objectNode();
            var entries = killed.putArray("items");
            publishing.killLanguageVersions(caller, id, reason).forEach(a -> entries.add(receipt(a)));
            x.json(200, killed);
            return;
        }
        if (cosigning.coproduced(id) && cosigning.released(id).isEmpty()) {
            cosigning.withdraw(caller, id, reason);
            x.json(200, JsonNodeFactory.instance.objectNode().put("id", id.value()).put("event", "withdrawn"));
            return;
        }
        x.json(200, receipt(publishing.kill(caller, id, reason)));
    }

    /** An editor of a party approves a co-produced item's draft; the last approval releases it onto the log. */
    private void approve(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        JsonNode body = x.body(SIGNOFF);
        int version = JsonInput.optionalInt(body, "version", 1, Integer.MAX_VALUE).orElseThrow(() -> new Invalid("/version", "version is required: the draft you read"));
        Cosigning.Approval approval = cosigning.approve(caller, id, version, comment(body, false));
        ObjectNode answer = draftReceipt(approval.draft());
        approval.released().ifPresent(a -> answer.set("released", receipt(a)));
        x.json(200, answer);
    }

    /**
     * A machine translation of the item into {@code language}, held as the first draft of a new language version,
     * labelled as machine-generated, until a human editor of every owner approves it.
     */
    private void machineTranslate(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        String language = JsonInput.text(x.body(MACHINE_TRANSLATION), "language");
        JsonInput.languageTag(language, "/language");
        Draft draft = translating.machineTranslate(caller, id, language, (source, from, to, engine) -> {
            ObjectNode document = (ObjectNode) ponte.formats.NinjsWriter.mapper().readTree(source.ninjs());
            ObjectNode translated = ponte.formats.MachineTranslated.of(document, to, engine.engine().name(), engine.engine().digitalSourceType(), from,
                    (text, html) -> engine.translate(text, html, from, to));
            return ninjsReader.read(translated);
        });
        x.header("Location", "/v1/items/" + draft.item() + "/versions");
        x.json(201, draftReceipt(draft).put("translationOf", id.value()));
    }

    /** An editor of a party rejects a co-produced item's draft, saying why. */
    private void reject(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        JsonNode body = x.body(SIGNOFF);
        int version = JsonInput.optionalInt(body, "version", 1, Integer.MAX_VALUE).orElseThrow(() -> new Invalid("/version", "version is required: the draft you read"));
        x.json(200, draftReceipt(cosigning.reject(caller, id, version, comment(body, true).orElseThrow())));
    }

    private static Optional<String> comment(JsonNode body, boolean required) {
        Optional<String> comment = JsonInput.optionalText(body, "comment");
        if (required && comment.isEmpty()) {
            throw new Invalid("/comment", "comment is required: say why");
        }
        if (comment.isPresent() && (comment.get().isBlank() || comment.get().length() > 2000)) {
            throw new Invalid("/comment", "comment must be 1-2000 characters");
        }
        return comment;
    }

    /** The document crediting every party of the co-production (copyrightHolder, infoSources with each function). */
    private JsonNode credited(JsonNode ninjs, List<Party> parties) {
        if (!(ninjs instanceof ObjectNode document) || parties.isEmpty()) {
            return ninjs; // refused by the schema where it is read
        }
        return Credits.stamp(document, parties.stream().map(p -> new Credits.Credit(views.name(p.org()), p.org().value(), p.function().wire())).toList());
    }

    /** Where a co-produced item's draft stands: its number (the version approvals name), who is still awaited. */
    private ObjectNode draftReceipt(Draft draft) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", draft.item().value()).put("version", draft.number())
                .put("state", draft.releasedAs().isPresent() ? "released" : "draft");
        var awaiting = node.putArray("awaitingApproval");
        cosigning.awaiting(draft).forEach(o -> awaiting.add(o.value()));
        draft.releasedAs().ifPresent(v -> node.put("releasedAs", v));
        return node;
    }

    /**
     * The reason of a kill, in the body or as {@code ?reason=} (some proxies drop a DELETE's body); once, or twice
     * the same.
     */
    private static String reason(Exchange x, JsonNode request) {
        Optional<String> query = x.query("reason");
        Optional<String> body = JsonInput.optionalText(request, "reason");
        if (query.isPresent() && body.isPresent() && !query.equals(body)) {
            throw new Invalid("/reason", "the body and ?reason= give different reasons: give it once");
        }
        return query.or(() -> body).orElseThrow(() -> new Invalid("/reason", "reason is required, in the body or as ?reason="));
    }

    /** The item's versions as made, oldest first: to its owners' keys only. */
    private void versions(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        if (cosigning.coproduced(id)) {
            List<Step> steps = cosigning.history(caller, id);
            List<Integer> positions = java.util.stream.IntStream.range(0, steps.size()).boxed().toList();
            Paging.send(x, Paging.of(x, positions, i -> String.format("%06d", i)), i -> step(steps.get(i)));
            return;
        }
        int after = x.query("after").map(Paging::decodeNumber).orElse(0);
        int limit = Paging.limit(x);
        var made = reading.history(caller, id, after, limit + 1);
        Paging.send(x, Paging.of(made, limit, v -> Paging.encode(String.valueOf(v.number()))), v -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("version", v.number()).put("event", v.event().wire())
                    .put("createdAt", v.createdAt().toString());
            node.put("key", v.key().map(ponte.core.access.KeyId::value).orElse(null));
            node.put("reason", v.reason().orElse(null));
            return node;
        });
    }

    /** A step of a co-produced item's history: a draft with its content, a sign-off, a withdrawal or a log version. */
    private static ObjectNode step(Step s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("event", s.event());
        s.version().ifPresent(v -> node.put("version", v));
        s.draft().ifPresent(d -> node.put("draft", d));
        node.put("createdAt", s.at().toString());
        node.put("key", s.key().map(ponte.core.access.KeyId::value).orElse(null));
        s.org().ifPresent(o -> node.put("org", o.value()));
        if (s.event().equals("killed") || s.event().equals("withdrawn")) {
            node.put("reason", s.comment().orElse(null));
        } else {
            s.comment().ifPresent(c -> node.put("comment", c));
        }
        s.content().ifPresent(d -> node.set("ninjs", ponte.formats.NinjsWriter.mapper().readTree(d.content().ninjs())));
        return node;
    }

    private void read(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        Optional<Integer> version = x.query("version").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new Invalid("/version", "version must be a whole number");
            }
        });
        Reading.Visible visible = reading.read(caller, id, version);
        Format format = Negotiation.choose(x.query("ninjs"), x.requestHeader(HttpHeader.ACCEPT));
        Item item = visible.item();
        Version shown = visible.version();
        // Owners read the editor's own terms; a partner reads under the licence the gate named for this read.
        Optional<Licence> licence = visible.licence();
        ItemViews.Rendered ninjs = views.ninjs(item, shown, licence, format == Format.NINJS_22);
        String href = (format.isJson() ? "" : x.base()) + "/v1/items/" + item.id();
        if (x.notModified(Etags.builder().add(format.ordinal()).add(shown.event().ordinal()).add(ninjs.digest()).add(href).tag())) {
            return;
        }
        reads.opened(caller, visible);
        if (format.isJson()) {
            x.send(200, format.itemType, ninjs.bytes());
            return;
        }
        ItemView view = new ItemView(shown.event(), views.tree(item, shown, licence), href);
        switch (format) {
            case ATOM -> x.send(200, format.itemType, writers.atom().item(view));
            case RSS -> x.send(200, format.itemType, writers.rss().item(view));
            default -> x.send(200, writers.newsMl().mediaTypeOf(view) + ";charset=utf-8", writers.newsMl().item(view));
        }
    }

    private void explain(Exchange x) {
        Caller caller = x.caller();
        ItemId id = itemId(x);
        ponte.core.orgs.OrgId partner = JsonInput.at("/partner", () -> new ponte.core.orgs.OrgId(x.query("partner")
                .orElseThrow(() -> new Invalid("/partner", "partner is required: the org to explain for"))));
        Explaining.Explanation e = explaining.explain(caller, id, partner);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("item", e.item().id().value());
        body.put("version", e.version().number());
        body.put("partner", partner.value());
        body.put("entitled", e.entitled());
        body.put("receivedEarlier", e.receivedEarlier());
        if (e.receivedEarlier() && e.version().event().followsRecipients()) {
            body.put("note", "a " + e.version().event().wire() + " version reaches every partner that received the item, licence or not");
        }
        // Of a co-produced item: whose licence carries it to the partner (each party's network, within its territories).
        e.licences().stream().filter(ponte.core.licensing.Verdict::grants).findFirst()
                .ifPresent(v -> body.put("carriedBy", v.licence().licensor().value()));
        var licences = body.putArray("licences");
        for (ponte.core.licensing.Verdict v : e.licences()) {
            ObjectNode node = licences.addObject();
            node.set("licence", CatalogueResource.view(v.licence()));
            node.put("grants", v.grants());
            var reasons = node.putArray("reasons");
            v.refusals().forEach(reasons::add);
        }
        x.json(200, body);
    }

    static ItemId itemId(Exchange x) {
        try {
            return new ItemId(x.path("id"));
        } catch (Invalid e) {
            throw new ponte.core.NotFound("no such item");
        }
    }

    private static Territories rights(JsonNode body) {
        JsonNode rights = body.get("rights");
        if (rights == null || rights.isNull()) {
            return Territories.WORLDWIDE;
        }
        JsonNode territories = rights.get("territories");
        if (territories == null || !territories.isObject()) {
            throw new Invalid("/rights/territories", "rights.territories must be an object with include and exclude lists");
        }
        JsonNode include = territories.get("include");
        JsonNode exclude = territories.get("exclude");
        return JsonInput.at("/rights/territories", () -> Territories.of(
                include == null ? java.util.Set.of("*") : JsonInput.textsAt(include, "/rights/territories/include"),
                exclude == null ? java.util.Set.of() : JsonInput.textsAt(exclude, "/rights/territories/exclude")));
    }

    /** Where a change sits on the log: what POST /v1/items answers, and an import for each item it filed. */
    static ObjectNode receipt(Appended a) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", a.revision().item().id().value())
                .put("uri", a.revision().item().uri())
                .put("version", a.revision().version().number())
                .put("event", a.revision().version().event().wire())
                .put("cursor", a.cursor().encode());
    }
}
