package ponte.core.reach;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.items.ItemId;

/**
 * Usage reports as partners write them, each member as text: from a JSON object's members, a CSV file (a header row
 * naming the members, then one report a row; row n after the header is {@code /reports/n-1} in refusals) or a web
 * form. Every refusal names its member by JSON Pointer.
 */
public final class UsageFields {
    public static final Set<String> MEMBERS = Set.of("id", "item", "uri", "version", "outlet", "usage", "at", "audience");
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private UsageFields() {}

    /** The reports of a CSV file, in its rows' order. */
    public static List<Reporting.Report> fromCsv(String text) {
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
    public static Reporting.Report report(Map<String, String> f, String at) {
        String id = required(f, "id", at);
        Reporting.ItemRef item;
        if (f.containsKey("item") == f.containsKey("uri")) {
            throw new Invalid(at + "/item", "give the item by exactly one of item (its id) or uri");
        }
        item = f.containsKey("item")
                ? new Reporting.ItemRef.ById(itemId(f.get("item"), at + "/item"))
                : new Reporting.ItemRef.ByUri(f.get("uri"));
        Optional<Integer> version = Optional.ofNullable(f.get("version")).map(v -> (int) number(v, at + "/version"));
        String outlet = required(f, "outlet", at);
        String usage = required(f, "usage", at);
        UsageKind kind = UsageKind.fromWire(usage).orElseThrow(() -> new Invalid(at + "/usage",
                "usage must be one of aired, published, downloaded, viewed"));
        Instant when = instant(required(f, "at", at))
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

    private static ItemId itemId(String value, String pointer) {
        try {
            return new ItemId(value);
        } catch (RuntimeException e) {
            throw new Invalid(pointer, "no such item");
        }
    }

    /** An RFC 3339 date-time with a four-digit year (section 5.6), or empty. */
    private static Optional<Instant> instant(String text) {
        try {
            Instant at = Instant.parse(text.toUpperCase(Locale.ROOT));
            return at.isBefore(FIRST) || at.isAfter(LAST) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
