package ponte.core.reach;

import java.util.List;

/**
 * A {@link Reach} as one CSV table (RFC 4180), for spreadsheets: the header {@code section,name,value,label,count}, then
 * a row per total ({@code total,routed,,,120}), per facet bucket ({@code facet,country,KE,,3}; {@code label} is an
 * org's or an outlet's name) and per day of the histogram ({@code histogram,day,2026-02-06,,5}), in the JSON's order.
 */
public final class ReachCsv {
    public static final String HEADER = "section,name,value,label,count";

    private ReachCsv() {}

    public static String write(Reach reach) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        Reach.Totals t = reach.totals();
        List<Object[]> totals = List.of(new Object[] {"routed", t.routed()}, new Object[] {"delivered", t.delivered()},
                new Object[] {"read", t.read()}, new Object[] {"reported", t.reported()}, new Object[] {"partners", t.partners()},
                new Object[] {"outlets", t.outlets()}, new Object[] {"countries", t.countries()}, new Object[] {"audience", t.audience()});
        totals.forEach(total -> Csv.line(out, "total", total[0], "", "", total[1]));
        for (Reach.Facet facet : reach.facets()) {
            facet.buckets().forEach(b -> Csv.line(out, "facet", facet.name(), b.value(), b.label().map(ReachCsv::inert).orElse(""), b.count()));
        }
        reach.histogram().forEach(d -> Csv.line(out, "histogram", "day", d.day(), "", d.count()));
        return out.toString();
    }

    /**
     * A name someone else chose (an outlet's, an org's) that a spreadsheet would run as a formula is written with a
     * leading apostrophe, as OWASP's advice on CSV injection has it.
     */
    public static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
