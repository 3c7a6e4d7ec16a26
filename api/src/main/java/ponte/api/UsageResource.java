package ponte.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.reach.Reporting;
import ponte.core.reach.UsageFields;
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
    private static final Members REPORT = Members.of(UsageFields.MEMBERS.toArray(String[]::new));
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
            List<UsageReport> kept = reporting.reportAll(x.caller(), UsageFields.fromCsv(new String(x.rawBody(Exchange.MAX_BODY), StandardCharsets.UTF_8)));
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
        for (String name : UsageFields.MEMBERS) {
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
        return UsageFields.report(fields, at);
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
