package ponte.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.access.Role;
import ponte.core.agreements.Dealings;
import ponte.core.coproduction.Coproducing;
import ponte.core.items.ItemId;
import ponte.core.products.ProductId;
import ponte.core.reach.Reach;
import ponte.core.reach.ReachCsv;
import ponte.core.reach.ReachScope;
import ponte.core.reach.Reaching;
import ponte.core.reach.Reporting;
import ponte.core.reach.UsageFields;
import ponte.core.reach.UsageKind;

/**
 * How far items went: the reach dashboard of an item, a product or a co-production ({@link Reaching} decides who may
 * see what: owners and parties everyone's facts, a partner only its own, anyone else nothing), its CSV, and the
 * partner's own usage page, where usage is reported one report at a time or as a CSV file ({@link Reporting}).
 */
public final class ReachPages implements Section {
    /** A usage CSV of a full batch is well under this. */
    static final long MAX_CSV_BYTES = 1024 * 1024;

    private final Reaching reaching;
    private final Reporting reporting;
    private final Dealings dealings;
    private final Coproducing coproducing;
    private final Path spool;

    public ReachPages(Reaching reaching, Reporting reporting, Dealings dealings, Coproducing coproducing, Path spool) {
        this.reaching = reaching;
        this.reporting = reporting;
        this.dealings = dealings;
        this.coproducing = coproducing;
        this.spool = spool;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/reach", this::dashboard)
                .get("/app/reach/csv", this::csv)
                .get("/app/portal/usage", this::usage)
                .post("/app/portal/usage", this::report)
                .post("/app/portal/usage/csv", this::upload);
    }

    /** What the dashboard is asked about, as sent: a scope, and the days from and to (blank when not). */
    public record Question(String item, String product, String coproduction, String from, String to) {
        Optional<ReachScope> scope() {
            if (!item.isBlank()) {
                return Optional.of(new ReachScope.OfItem(new ItemId(item)));
            }
            if (!product.isBlank()) {
                return Optional.of(new ReachScope.OfProduct(new ProductId(product)));
            }
            return coproduction.isBlank() ? Optional.empty() : Optional.of(new ReachScope.OfCoproduction(coproduction));
        }

        /** The query naming the scope, for links to the CSV and the form's hidden field. */
        public String scopeName() {
            return !item.isBlank() ? "item" : !product.isBlank() ? "product" : "coproduction";
        }

        public String scopeValue() {
            return !item.isBlank() ? item : !product.isBlank() ? product : coproduction;
        }

        public String query() {
            return scopeName() + "=" + encode(scopeValue()) + (from.isBlank() ? "" : "&from=" + encode(from))
                    + (to.isBlank() ? "" : "&to=" + encode(to));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The row of a CSV file a refusal points into ({@code /reports/0/at} is row 2, after the header), or 0. */
    public static int row(Invalid.Violation v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/reports/(\\d+)").matcher(v.pointer());
        return m.find() ? Integer.parseInt(m.group(1)) + 2 : 0;
    }

    private static Question question(Visit visit) {
        return new Question(visit.query("item").orElse(""), visit.query("product").orElse(""), visit.query("coproduction").orElse(""),
                visit.query("from").orElse(""), visit.query("to").orElse(""));
    }

    private Reach reach(Visit visit, Question q, ReachScope scope) {
        Optional<Instant> from = PortalPages.day(q.from(), false, "/from");
        Optional<Instant> to = PortalPages.day(q.to(), true, "/to");
        try {
            return reaching.reach(visit.caller(), scope, from, to);
        } catch (IllegalArgumentException e) {
            throw new ponte.core.NotFound("no such " + q.scopeName()); // an id that cannot be one names nothing
        }
    }

    private void dashboard(Visit visit) {
        Question q = question(visit);
        Optional<ReachScope> scope = scopeOf(q);
        if (scope.isEmpty()) {
            visit.caller().actingFor(Role.PARTNER);
            visit.render(200, "reach-choose.jte", Map.of("page", visit.page(visit.messages().t("reach.title")),
                    "products", dealings.products(visit.caller()), "coproductions", coproducing.mine(visit.caller())));
            return;
        }
        Reach reach = reach(visit, q, scope.get());
        String title = switch (scope.get()) {
            case ReachScope.OfItem of -> visit.messages().t("reach.ofItem", of.item().value());
            case ReachScope.OfProduct of -> visit.messages().t("reach.ofProduct", dealings.product(visit.caller(), of.product()).name());
            case ReachScope.OfCoproduction of -> visit.messages().t("reach.ofCoproduction",
                    coproducing.read(visit.caller(), of.coproduction()).current().plan().title());
        };
        visit.render(200, "reach.jte", Map.of("page", visit.page(title), "question", q,
                "view", ReachView.of(reach, visit.messages().locale())));
    }

    private static Optional<ReachScope> scopeOf(Question q) {
        try {
            return q.scope();
        } catch (IllegalArgumentException e) {
            throw new ponte.core.NotFound("no such " + q.scopeName());
        }
    }

    private void csv(Visit visit) {
        Question q = question(visit);
        ReachScope scope = scopeOf(q).orElseThrow(() -> new Invalid("/item", "name an item, a product or a co-production"));
        Reach reach = reach(visit, q, scope);
        visit.download("text/csv; charset=utf-8", "reach-" + q.scopeValue().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv",
                ReachCsv.write(reach).getBytes(StandardCharsets.UTF_8));
    }

    /** The usage form's fields as sent, kept when a report is refused so nothing is typed twice. */
    public record UsageForm(String item, String outlet, String usage, String at, String audience) {
        static final UsageForm EMPTY = new UsageForm("", "", "", "", "");
    }

    private void usage(Visit visit) {
        showUsage(visit, 200, UsageForm.EMPTY, List.of(), visit.query("done").orElse(""));
    }

    private void showUsage(Visit visit, int status, UsageForm form, List<Invalid.Violation> problems, String done) {
        visit.caller().actingFor(Role.PARTNER);
        List<Dealings.Held> held = dealings.licences(visit.caller()).stream()
                .filter(h -> visit.caller().belongsTo(h.licence().licensee())).toList();
        visit.render(status, "usage.jte", Map.of("page", visit.page(visit.messages().t("usage.title")), "held", held,
                "outlets", reporting.outlets(visit.caller()), "kinds", List.of(UsageKind.values()), "form", form,
                "problems", problems, "done", done));
    }

    private void report(Visit visit) {
        UsageForm form = new UsageForm(visit.field("item").orElse("").strip(), visit.field("outlet").orElse(""),
                visit.field("usage").orElse(""), visit.field("at").orElse(""), visit.field("audience").orElse("").strip());
        Map<String, String> fields = new LinkedHashMap<>();
        // The form's report id is fresh each time: a form sent twice is two reports, as a person sending it twice means.
        fields.put("id", "web-" + java.util.UUID.randomUUID());
        fields.put(form.item().contains(":") ? "uri" : "item", form.item()); // an id has no colon; a URI always has one
        fields.put("outlet", form.outlet());
        fields.put("usage", form.usage());
        fields.put("at", atFromForm(form.at()));
        if (!form.audience().isEmpty()) {
            fields.put("audience", form.audience());
        }
        fields.values().removeIf(String::isEmpty);
        try {
            reporting.report(visit.caller(), UsageFields.report(fields, ""));
        } catch (Invalid refused) {
            showUsage(visit, 422, form, refused.violations(), "");
            return;
        }
        visit.redirect("/app/portal/usage?done=reported");
    }

    /** A datetime-local field sends 2026-02-06T19:00 (no zone; the page says UTC); the API's form has seconds and a zone. */
    static String atFromForm(String value) {
        String v = value.strip();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            return v + ":00Z";
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
            return v + "Z";
        }
        return v;
    }

    private void upload(Visit visit) throws IOException {
        visit.caller().actingFor(Role.PARTNER);
        java.nio.file.Files.createDirectories(spool);
        Optional<Visit.Upload> file = visit.upload("file", spool, MAX_CSV_BYTES);
        if (file.isEmpty()) {
            showUsage(visit, 422, UsageForm.EMPTY, List.of(new Invalid.Violation("/reports", "choose a CSV file")), "");
            return;
        }
        if (file.get().length() > MAX_CSV_BYTES) {
            showUsage(visit, 422, UsageForm.EMPTY, List.of(new Invalid.Violation("/reports", "the file is larger than 1 MiB")), "");
            return;
        }
        String text;
        try (InputStream in = java.nio.channels.Channels.newInputStream(file.get().body())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // spreadsheets save UTF-8 with a byte order mark
        }
        int count;
        try {
            count = reporting.reportAll(visit.caller(), UsageFields.fromCsv(text)).size();
        } catch (Invalid refused) {
            showUsage(visit, 422, UsageForm.EMPTY, refused.violations(), "");
            return;
        }
        visit.redirect("/app/portal/usage?done=uploaded&count=" + count);
    }
}
