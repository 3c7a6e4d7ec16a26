package ponte.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.NotAllowed;
import ponte.core.campaigns.Campaign;
import ponte.core.campaigns.Campaigning;
import ponte.core.campaigns.Funnel;
import ponte.core.campaigns.FunnelCsv;
import ponte.core.campaigns.Funneling;

/**
 * Campaigns' funnels: a comparison of the caller's campaigns (each one's views, clicks, bookings and revenue per
 * currency: the evidence for renewing the agreement), and a dashboard per campaign, by channel, language and offer,
 * day by day, with its CSV. {@link Funneling} decides who sees what: the owner's editors every channel, a channel's
 * partner only its own, anyone else nothing (the page is not found).
 */
public final class FunnelPages implements Section {
    private final Campaigning campaigning;
    private final Funneling funneling;

    public FunnelPages(Campaigning campaigning, Funneling funneling) {
        this.campaigning = campaigning;
        this.funneling = funneling;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/campaigns", this::compare)
                .get("/app/campaigns/{id}", this::dashboard)
                .get("/app/campaigns/{id}/funnel.csv", this::csv);
    }

    /** A campaign's row in the comparison; no totals when the caller's key may not count it (an owner's partner key). */
    public record Row(Campaign campaign, Optional<Funnel.Counts> totals) {}

    /** The window asked for, as sent (blank when not). */
    public record Window(String from, String to) {
        public String query() {
            String q = (from.isBlank() ? "" : "from=" + encode(from)) + (to.isBlank() ? "" : (from.isBlank() ? "" : "&") + "to=" + encode(to));
            return q.isEmpty() ? "" : "?" + q;
        }

        Optional<Instant> start() {
            return PortalPages.day(from, false, "/from");
        }

        Optional<Instant> end() {
            return PortalPages.day(to, true, "/to");
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Window window(Visit visit) {
        return new Window(visit.query("from").orElse(""), visit.query("to").orElse(""));
    }

    private void compare(Visit visit) {
        Window w = window(visit);
        List<Row> rows = new ArrayList<>();
        for (Campaign c : campaigning.mine(visit.caller())) {
            Optional<Funnel.Counts> totals;
            try {
                totals = Optional.of(funneling.funnel(visit.caller(), c.id(), w.start(), w.end()).totals());
            } catch (NotAllowed e) {
                totals = Optional.empty();
            }
            rows.add(new Row(c, totals));
        }
        // A column per currency any campaign earned in: amounts side by side, never one sum of two currencies.
        java.util.SortedSet<String> currencies = new java.util.TreeSet<>();
        rows.forEach(r -> r.totals().ifPresent(t -> currencies.addAll(t.revenue().keySet())));
        visit.render(200, "campaigns.jte", Map.of("page", visit.page(visit.messages().t("campaigns.title")), "rows", rows, "window", w,
                "currencies", List.copyOf(currencies), "locale", visit.messages().locale()));
    }

    private void dashboard(Visit visit) {
        Window w = window(visit);
        Campaign campaign = campaigning.read(visit.caller(), visit.param("id"));
        Funnel funnel = funneling.funnel(visit.caller(), campaign.id(), w.start(), w.end());
        visit.render(200, "campaign-funnel.jte", Map.of("page", visit.page(campaign.terms().title()), "campaign", campaign, "window", w,
                "view", FunnelView.of(funnel, visit.messages().locale())));
    }

    private void csv(Visit visit) {
        Window w = window(visit);
        String id = visit.param("id");
        Funnel funnel = funneling.funnel(visit.caller(), id, w.start(), w.end());
        visit.download("text/csv; charset=utf-8", "funnel-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv",
                FunnelCsv.write(funnel).getBytes(StandardCharsets.UTF_8));
    }
}
