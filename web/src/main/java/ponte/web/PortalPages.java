package ponte.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Role;
import ponte.core.agreements.Dealings;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.log.Tail;
import ponte.core.products.ProductId;
import ponte.core.reach.Reads;
import ponte.core.reading.LanguageVersions;
import ponte.core.reading.Reading;
import ponte.core.search.Order;
import ponte.core.search.Results;
import ponte.core.search.SearchRequest;
import ponte.core.search.Searching;
import ponte.formats.ItemView;
import ponte.formats.Writers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The partner portal: the entitled feed (newest first), search with filters and facets, an item with its usage terms
 * and language versions, downloads as ninjs, NewsML-G2 and Atom, and the licences the org holds. The feed comes from
 * {@link Feeds}, search from {@link Searching}, an item from {@link Reading}: the gate decides each, as for the API.
 */
public final class PortalPages implements Section {
    static final int SHOWN = 50;

    private final Feeds feeds;
    private final Tail tail;
    private final Searching searching;
    private final Reading reading;
    private final LanguageVersions languageVersions;
    private final Dealings dealings;
    private final Writers writers;
    private final Copies copies;
    private final Reads reads;

    /**
     * The ninjs 3.1 document a reader receives through the API: a partner's under its licence's terms, with the
     * renditions it chose and their links signed for it; an owner's with the editor's own terms. The composition root
     * hands the API's own renderer, so the portal shows what the feed hands out and signs nothing itself.
     */
    @FunctionalInterface
    public interface Copies {
        ObjectNode of(Item item, Version version, Optional<Licence> licence);
    }

    public PortalPages(Feeds feeds, Tail tail, Searching searching, Reading reading, LanguageVersions languageVersions, Dealings dealings,
                       Writers writers, Copies copies, Reads reads) {
        this.reads = reads;
        this.feeds = feeds;
        this.tail = tail;
        this.searching = searching;
        this.reading = reading;
        this.languageVersions = languageVersions;
        this.dealings = dealings;
        this.writers = writers;
        this.copies = copies;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/portal", this::portal)
                .get("/app/portal/items/{id}", this::item)
                .get("/app/portal/items/{id}/download", this::download)
                .get("/app/portal/licences", this::licences);
    }

    /** The search form's values, as sent (blank when not). */
    public record Filters(String q, String lang, String type, String product, String from, String to) {
        boolean any() {
            return !(q + lang + type + product + from + to).isBlank();
        }
    }

    private void portal(Visit visit) {
        visit.caller().actingFor(Role.PARTNER);
        Filters filters = new Filters(visit.query("q").orElse(""), visit.query("lang").orElse(""), visit.query("type").orElse(""),
                visit.query("product").orElse(""), visit.query("from").orElse(""), visit.query("to").orElse(""));
        Page page = visit.page(visit.messages().t("portal.title"));
        if (!filters.any()) {
            List<FeedEntry> latest = latest(visit);
            visit.render(200, "portal.jte", Map.of("page", page, "filters", filters, "latest", latest, "results", Optional.empty()));
            // As for the API's feed: one read fact for the page sent, at its newest entry, none per entry.
            latest.stream().map(FeedEntry::cursor).max(Cursor::compareTo)
                    .ifPresent(newest -> visit.caller().memberOf().ifPresent(org -> reads.fed(org, newest)));
            return;
        }
        Results results = searching.search(visit.caller(), request(filters, visit.query("after")));
        visit.render(200, "portal.jte", Map.of("page", page, "filters", filters, "latest", List.of(), "results", Optional.of(results)));
    }

    private static SearchRequest request(Filters f, Optional<String> after) {
        return new SearchRequest(f.q(), Optional.of(f.lang()).filter(s -> !s.isBlank()), Optional.of(f.product()).filter(s -> !s.isBlank()).map(ProductId::new),
                Optional.empty(), Optional.empty(), Optional.of(f.type()).filter(s -> !s.isBlank()), day(f.from(), false, "/from"),
                day(f.to(), true, "/to"), f.q().isBlank() ? Order.NEWEST : Order.RELEVANCE, 20, after);
    }

    static Optional<Instant> day(String value, boolean end, String pointer) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return Optional.of((end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new Invalid(pointer, "a date such as 2026-02-06");
        }
    }

    /**
     * The newest entries of the org's feed, one per item (its latest event, so a killed item shows killed). The feed
     * pages forward from a cursor; this looks back from the log's head over windows that grow tenfold until enough
     * entries are found, each window an indexed range of the org's routes.
     */
    List<FeedEntry> latest(Visit visit) {
        long head = tail.last().seq();
        for (long window = 1_000; ; window *= 10) {
            Cursor from = new Cursor(Math.max(0, head - window));
            Map<ItemId, FeedEntry> byItem = new LinkedHashMap<>();
            Cursor after = from;
            while (true) {
                Feeds.Page page = feeds.page(visit.caller(), after, Feeds.MAX_LIMIT);
                page.entries().forEach(e -> {
                    byItem.remove(e.item().id());
                    byItem.put(e.item().id(), e);
                });
                if (page.next().equals(after)) {
                    break;
                }
                after = page.next();
            }
            if (byItem.size() >= SHOWN || from.seq() == 0) {
                List<FeedEntry> newest = new ArrayList<>(byItem.values()).reversed();
                return newest.subList(0, Math.min(SHOWN, newest.size()));
            }
        }
    }

    private Reading.Visible visible(Visit visit) {
        visit.caller().actingFor(Role.PARTNER);
        try {
            return reading.read(visit.caller(), new ItemId(visit.param("id")), Optional.empty());
        } catch (Invalid e) {
            throw new NotFound("no such item");
        }
    }

    /** The document as this reader gets it: under the licence the gate named, or the editor's own terms for an owner. */
    private ObjectNode tree(Reading.Visible v) {
        return copies.of(v.item(), v.version(), v.licence());
    }

    private void item(Visit visit) {
        Reading.Visible v = visible(visit);
        ObjectNode ninjs = tree(v);
        Story story = Story.of(v.version());
        List<LanguageVersions.Member> versions = languageVersions.of(visit.caller(), v.item().id());
        Page page = visit.page(story.headline().isBlank() ? v.item().id().value() : story.headline());
        visit.render(200, "portal-item.jte", Map.of("page", page, "visible", v, "story", story, "usageTerms",
                ninjs.path("usageTerms").asString(""), "languageVersions", versions, "media", MediaView.of(ninjs)));
        reads.opened(visit.caller(), v);
    }

    private void download(Visit visit) {
        Reading.Visible v = visible(visit);
        ObjectNode ninjs = tree(v);
        String id = v.item().id().value();
        String href = "/v1/items/" + id;
        switch (visit.query("format").orElse("ninjs")) {
            case "ninjs" -> visit.download("application/json; charset=utf-8", id + ".json", writers.ninjs().bytes(ninjs));
            case "newsml" -> {
                ItemView view = new ItemView(v.version().event(), ninjs, href);
                visit.download(writers.newsMl().mediaTypeOf(view) + "; charset=utf-8", id + ".xml", writers.newsMl().item(view));
            }
            case "atom" -> visit.download("application/atom+xml; charset=utf-8", id + ".atom",
                    writers.atom().item(new ItemView(v.version().event(), ninjs, href)));
            default -> throw new NotFound("no such format");
        }
        reads.opened(visit.caller(), v);
    }

    private void licences(Visit visit) {
        List<Dealings.Held> held = dealings.licences(visit.caller());
        visit.render(200, "licences.jte", Map.of("page", visit.page(visit.messages().t("licences.title")), "held", held,
                "org", visit.caller().memberOf().orElseThrow()));
    }
}
