package ponte.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Role;
import ponte.core.agreements.Agreeing;
import ponte.core.agreements.Dealings;
import ponte.core.agreements.Explaining;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.items.Owned;
import ponte.core.items.VersionMade;
import ponte.core.media.Attaching;
import ponte.core.media.Media;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.publishing.Publishing;
import ponte.core.reach.Recipients;
import ponte.core.reading.LanguageVersions;
import ponte.core.reading.Reading;
import ponte.formats.NinjsReader;

/**
 * The newsroom desk: the org's own items with status, embargo and language, one item's versions and language
 * versions, compose, edit, correct and kill, and "why does partner X (not) get this?". Each page calls the use case
 * the API's items resource calls, as the signed-in person's caller.
 */
public final class DeskPages implements Section {
    static final int PAGE = 25;

    private final Reading reading;
    private final Publishing publishing;
    private final Explaining explaining;
    private final LanguageVersions languageVersions;
    private final Dealings dealings;
    private final NinjsReader ninjs;
    private final DeskLive live;
    private final Agreeing agreeing;
    private final Clock clock;
    private final java.util.Map<OrgId, FirstPage> firstPages = new java.util.concurrent.ConcurrentHashMap<>();
    /** An org's agreements for the banner, read at most every few seconds (a warning is about days). */
    private final com.github.benmanes.caffeine.cache.Cache<OrgId, List<ponte.core.agreements.Agreement>> agreements =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

    private final PortalPages.Copies copies;
    private final DeskMedia media;
    private final Recipients recipients;

    /** @param media the files editors attach from the forms, and the stories held for them */
    public DeskPages(Reading reading, Publishing publishing, Explaining explaining, LanguageVersions languageVersions, Dealings dealings,
                     NinjsReader ninjs, DeskLive live, Agreeing agreeing, Clock clock, PortalPages.Copies copies, DeskMedia media,
                     Recipients recipients) {
        this.media = media;
        this.recipients = recipients;
        this.reading = reading;
        this.publishing = publishing;
        this.explaining = explaining;
        this.languageVersions = languageVersions;
        this.dealings = dealings;
        this.ninjs = ninjs;
        this.live = live;
        this.agreeing = agreeing;
        this.clock = clock;
        this.copies = copies;
        live.of(this);
    }

    /** One row of the desk: an item, its latest version, and how it stands now (a matter of display, not of rules). */
    public record Row(Owned owned, String status) {
        public String id() {
            return owned.item().id().value();
        }
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/desk", this::desk)
                .get("/app/desk/rows", this::rows)
                .get("/app/desk/live", live::stream)
                .get("/app/desk/new", this::compose)
                .post("/app/desk/new", this::publish)
                .get("/app/desk/items/{id}", this::item)
                .get("/app/desk/items/{id}/edit", this::edit)
                .post("/app/desk/items/{id}/edit", this::revise)
                .post("/app/desk/items/{id}/kill", this::kill);
    }

    private void desk(Visit visit) {
        Optional<Owned.Position> after = visit.query("after").map(DeskPages::position);
        List<Row> rows = rows(visit, after);
        Page page = visit.page(visit.messages().t("desk.title"));
        visit.render("desk.jte", page, "rows", rows, "next", next(rows), "first", after.isEmpty(), "banner", banner(visit),
                "waiting", after.isEmpty() ? media.waiting(visit.caller()) : List.of());
    }

    /** The first page's rows alone: what the live stream and htmx swap into the table. */
    private void rows(Visit visit) {
        visit.render("desk-rows.jte", visit.page(""), "rows", rows(visit, Optional.empty()));
    }

    List<Row> rows(Visit visit, Optional<Owned.Position> after) {
        OrgId org = visit.caller().actingFor(Role.EDITOR);
        Instant now = clock.instant();
        List<Owned> owned;
        if (after.isPresent()) {
            owned = reading.ownItems(visit.caller(), after, PAGE);
        } else {
            // The first page changes only with an entry of the org's items, which the tail tells: read it again then.
            // The count is read before the page, so an entry appended meanwhile makes the next visit read again.
            long changes = live.changes(org);
            FirstPage cached = firstPages.get(org);
            if (cached != null && cached.changes() == changes) {
                owned = cached.owned();
            } else {
                owned = reading.ownItems(visit.caller(), after, PAGE);
                firstPages.put(org, new FirstPage(changes, owned));
            }
        }
        return owned.stream().map(o -> new Row(o, status(o, now))).toList();
    }

    private record FirstPage(long changes, List<Owned> owned) {}

    /** The org's agreements in force that end within 30 days (warned at 30, 7 and 1 days); days matter, not seconds. */
    private List<Expiry> banner(Visit visit) {
        OrgId org = visit.caller().actingFor(Role.EDITOR);
        List<ponte.core.agreements.Agreement> mine = agreements.get(org, o -> agreeing.mine(visit.caller()));
        Instant now = clock.instant();
        return mine.stream().flatMap(a -> Expiry.of(a, now).stream()).toList();
    }

    static String status(Owned o, Instant now) {
        if (o.item().killed()) {
            return "killed";
        }
        if (o.latest().content().embargoedUntil().filter(now::isBefore).isPresent()) {
            return "embargoed";
        }
        return o.latest().event().wire();
    }

    private static Optional<String> next(List<Row> rows) {
        if (rows.size() < PAGE) {
            return Optional.empty();
        }
        Owned.Position p = rows.getLast().owned().position();
        return Optional.of(p.firstCreated().toString() + "~" + p.id().value());
    }

    private static Owned.Position position(String cursor) {
        String[] parts = cursor.split("~", 2);
        try {
            return new Owned.Position(Instant.parse(parts[0]), new ItemId(parts[1]));
        } catch (RuntimeException e) {
            throw new NotFound("no such page of the desk");
        }
    }

    private void compose(Visit visit) {
        visit.caller().actingFor(Role.EDITOR);
        form(visit, 200, Story.blank(), Optional.empty(), List.of());
    }

    private void form(Visit visit, int status, Story story, Optional<Reading.Visible> editing, List<Invalid.Violation> problems) {
        String title = visit.messages().t(editing.isPresent() ? "compose.editTitle" : "compose.title");
        OrgId own = visit.caller().actingFor(Role.EDITOR);
        List<Product> products = dealings.products(visit.caller()).stream().filter(p -> p.owner().equals(own)).toList();
        List<Row> originals = editing.isPresent() ? List.of() : rows(visit, Optional.empty());
        visit.render(status, "compose.jte", Map.of("page", visit.page(title), "story", story, "editing", editing, "products", products,
                "originals", originals, "problems", problems, "files", media.attachable(visit.caller())));
    }

    /** Publishes the story, with the renditions of the files it names; held until they are ready when one is still processing. */
    private void publish(Visit visit) {
        Story story = Story.from(visit);
        try {
            Optional<ItemId> original = story.translationOf().isBlank() ? Optional.empty() : Optional.of(new ItemId(story.translationOf()));
            List<Media> files = media.named(visit.caller(), story);
            var content = ninjs.read(DeskMedia.ninjs(story, files, visit.base()));
            var products = story.products().stream().map(ProductId::new).collect(Collectors.toSet());
            if (!Attaching.waitingFor(files).isEmpty()) {
                publishing.mayPublish(visit.caller(), products);
                media.hold(visit.caller(), Optional.empty(), story, Optional.empty(), visit.base(), files);
                visit.redirect("/app/desk?done=held");
                return;
            }
            var appended = publishing.publish(visit.caller(), Optional.empty(), content, products, story.rights(), original);
            if (!files.isEmpty() || appended.revision().version().number() > 1) {
                media.attached(appended.revision().item().id(), files);
            }
            visit.redirect("/app/desk/items/" + appended.revision().item().id().value() + "?done=published");
        } catch (Invalid e) {
            form(visit, 422, story, Optional.empty(), e.violations());
        }
    }

    private Reading.Visible own(Visit visit) {
        Reading.Visible visible = reading.read(visit.caller(), itemId(visit), Optional.empty());
        if (!visible.asOwner()) {
            throw new NotFound("no such item on this desk");
        }
        return visible;
    }

    private void item(Visit visit) {
        Reading.Visible visible = own(visit);
        List<VersionMade> history = reading.history(visit.caller(), visible.item().id(), 0, 100);
        List<LanguageVersions.Member> versions = languageVersions.of(visit.caller(), visible.item().id());
        OrgId own = visit.caller().memberOf().orElseThrow();
        List<Org> partners = dealings.orgs(visit.caller()).stream().filter(o -> !o.id().equals(own)).toList();
        Optional<Explaining.Explanation> explained = visit.query("partner")
                .map(p -> explaining.explain(visit.caller(), visible.item().id(), new OrgId(p)));
        Story story = Story.of(visible.version());
        Page page = visit.page(visible.version().content().headline().orElse(visible.item().id().value()));
        // After a correction or a kill the desk asks who has it yet: the partners still without it are the ones to call.
        boolean outstandingOnly = visit.query("outstanding").isPresent();
        Optional<Recipients.Roster> roster = visible.version().event().followsRecipients()
                ? Optional.of(recipients.of(visit.caller(), visible.item().id(), outstandingOnly)) : Optional.empty();
        Map<String, Object> values = new java.util.HashMap<>(Map.of("page", page, "visible", visible, "story", story, "status",
                status(new Owned(visible.item(), visible.version()), clock.instant()), "history", history, "languageVersions", versions,
                "partners", partners, "explained", explained, "done", visit.query("done").orElse(""),
                "media", MediaView.of(copies.of(visible.item(), visible.version(), Optional.empty())).onDesk()));
        values.put("roster", roster);
        values.put("outstandingOnly", outstandingOnly);
        visit.render(200, "item.jte", values);
    }

    private void edit(Visit visit) {
        Reading.Visible visible = own(visit);
        visit.caller().actingFor(Role.EDITOR);
        form(visit, 200, Story.of(visible.version()), Optional.of(visible), List.of());
    }

    private void revise(Visit visit) {
        Reading.Visible visible = own(visit);
        Story story = Story.from(visit);
        Event signal = "correction".equals(visit.field("signal").orElse("")) ? Event.CORRECTED : Event.UPDATED;
        try {
            List<Media> files = media.named(visit.caller(), story);
            var content = ninjs.read(DeskMedia.ninjs(story, files, visit.base()));
            if (!Attaching.waitingFor(files).isEmpty()) {
                publishing.mayRevise(visit.caller(), visible.item().id());
                media.hold(visit.caller(), Optional.of(visible.item().id()), story, Optional.of(signal == Event.CORRECTED ? "correction" : "update"), visit.base(), files);
                visit.redirect("/app/desk?done=held");
                return;
            }
            publishing.revise(visit.caller(), visible.item().id(), content, signal);
            media.attached(visible.item().id(), files);
            visit.redirect("/app/desk/items/" + visible.item().id().value() + "?done=" + signal.wire());
        } catch (Invalid e) {
            form(visit, 422, story, Optional.of(visible), e.violations());
        }
    }

    private void kill(Visit visit) {
        Reading.Visible visible = own(visit);
        String reason = visit.field("reason").orElse("").strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            throw new Invalid("/reason", "reason must be 1-2000 characters");
        }
        publishing.kill(visit.caller(), visible.item().id(), reason);
        visit.redirect("/app/desk/items/" + visible.item().id().value() + "?done=killed");
    }

    private static ItemId itemId(Visit visit) {
        try {
            return new ItemId(visit.param("id"));
        } catch (Invalid e) {
            throw new NotFound("no such item");
        }
    }
}
