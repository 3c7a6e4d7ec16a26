package ponte.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.items.ItemId;
import ponte.core.reach.Reporting;
import ponte.core.reach.UsageKind;
import ponte.core.reach.UsageReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /v1/usage: a partner reports what it did with items, one report, {@code {"reports":[…]}}, or a CSV file (a
 * header row naming the same members, then one report a row; row n after the header is {@code /reports/n-1} in
 * refusals) for partners without developers.
 */
public final class UsageResource implements Resource {
    static final Set<String> MEMBERS = Set.of("id", "item", "uri", "version", "outlet", "usage", "at", "audience");
    private static final Members REPORT = Members.of(MEMBERS.toArray(String[]::new));
    private static final Members BATCH = Members.of().withEach("reports", REPORT);

    private final Reporting reporting;

    public UsageResource(Reporting reporting) {
        this.reporting = reporting;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/usage", this::report);
    }

    private void report(Exchange x) {
        String type = Optional.ofNullable(x.requestHeader(HttpHeader.CONTENT_TYPE)).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            List<UsageReport> kept = reporting.reportAll(x.caller(), fromCsv(new String(x.rawBody(Exchange.MAX_BODY), StandardCharsets.UTF_8)));
            x.json(201, batch(kept));
            return;
        }
        JsonNode body = x.body(REPORT.withEach("reports", REPORT));
        if (body.has("reports")) {
            BATCH.check(body);
            JsonNode reports = body.get("reports");
            if (!reports.isArray()) {
                throw new Invalid("/reports", "reports must be an array of reports");
            }
            List<Reporting.Report> asked = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                asked.add(fromJson(reports.get(i), "/reports/" + i));
            }
            x.json(201, batch(reporting.reportAll(x.caller(), asked)));
            return;
        }
        x.json(201, view(reporting.report(x.caller(), fromJson(body, ""))));
    }

    private static Reporting.Report fromJson(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new Invalid(at.isEmpty() ? "/" : at, "a report is an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : MEMBERS) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            boolean number = name.equals("version") || name.equals("audience");
            if (number ? !value.isIntegralNumber() : !value.isString()) {
                throw new Invalid(at + "/" + name, name + (number ? " must be a whole number" : " must be a string"));
            }
            fields.put(name, value.asString());
        }
        return report(fields, at);
    }

    private static List<Reporting.Report> fromCsv(String text) {
        List<List<String>> rows = Csv.read(text);
        if (rows.isEmpty()) {
            throw new Invalid("/reports", "the CSV file needs a header row and at least one report");
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        for (String column : header) {
            if (!MEMBERS.contains(column)) {
                throw new Invalid("/reports", "'" + column + "' is not a column Ponte accepts; the columns are "
                        + String.join(", ", MEMBERS.stream().sorted().toList()));
            }
        }
        List<Reporting.Report> reports = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String at = "/reports/" + (r - 1);
            if (row.size() != header.size()) {
                throw new Invalid(at, "row " + (r + 1) + " has " + row.size() + " fields; the header has " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    fields.put(header.get(c), row.get(c));
                }
            }
            reports.add(report(fields, at));
        }
        return reports;
    }

    /** A report from its members as text, each refusal at its pointer under {@code at}. */
    private static Reporting.Report report(Map<String, String> f, String at) {
        String id = required(f, "id", at);
        Reporting.ItemRef item;
        if (f.containsKey("item") == f.containsKey("uri")) {
            throw new Invalid(at + "/item", "give the item by exactly one of item (its id) or uri");
        }
        item = f.containsKey("item")
                ? new Reporting.ItemRef.ById(JsonInput.at(at + "/item", () -> new ItemId(f.get("item"))))
                : new Reporting.ItemRef.ByUri(f.get("uri"));
        Optional<Integer> version = Optional.ofNullable(f.get("version")).map(v -> (int) number(v, at + "/version"));
        String outlet = required(f, "outlet", at);
        String usage = required(f, "usage", at);
        UsageKind kind = UsageKind.fromWire(usage).orElseThrow(() -> new Invalid(at + "/usage",
                "usage must be one of aired, published, downloaded, viewed"));
        Instant when = Rfc3339.instant(required(f, "at", at))
                .orElseThrow(() -> new Invalid(at + "/at", "at must be an RFC 3339 date-time (2026-02-06T19:00:00Z)"));
        Optional<Long> audience = Optional.ofNullable(f.get("audience")).map(a -> number(a, at + "/audience"));
        return new Reporting.Report(id, item, version, outlet, kind, when, audience);
    }

    private static String required(Map<String, String> fields, String name, String at) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new Invalid(at + "/" + name, name + " is required");
        }
        return value;
    }

    private static long number(String text, String pointer) {
        try {
            long n = Long.parseLong(text.strip());
            if (n < 0 || n > Integer.MAX_VALUE && pointer.endsWith("/version")) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Invalid(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be a whole number, zero or more");
        }
    }

    private static ObjectNode batch(List<UsageReport> kept) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode reports = body.putArray("reports");
        kept.forEach(r -> reports.add(view(r)));
        return body;
    }

    static ObjectNode view(UsageReport r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", r.id())
                .put("org", r.org().value())
                .put("item", r.item().value())
                .put("version", r.version())
                .put("outlet", r.outlet())
                .put("country", r.country().value())
                .put("usage", r.usage().wire())
                .put("at", r.at().toString());
        r.audience().ifPresent(a -> node.put("audience", a));
        node.put("receivedAt", r.receivedAt().toString());
        return node;
    }
}
