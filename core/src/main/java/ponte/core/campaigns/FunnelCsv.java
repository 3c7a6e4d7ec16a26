package ponte.core.campaigns;

import java.util.Map;
import ponte.core.reach.Csv;
import ponte.core.reach.ReachCsv;

/**
 * A {@link Funnel} as one CSV table (RFC 4180), in the JSON's order: the header
 * {@code section,name,value,label,stage,currency,amount}, then a row per stage of the totals ({@code total,,,,clicks,,42};
 * revenue a row per currency: {@code total,,,,revenue,EUR,1290.00}), per stage of each facet bucket
 * ({@code facet,channel,ctrip-page,Ctrip,bookings,,3}) and per stage of each day ({@code histogram,day,2026-02-09,,views,,12}).
 */
public final class FunnelCsv {
    public static final String HEADER = "section,name,value,label,stage,currency,amount";

    private FunnelCsv() {}

    public static String write(Funnel funnel) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        stages(out, "total", "", "", "", funnel.totals());
        for (Funnel.Facet facet : funnel.facets()) {
            facet.buckets().forEach(b -> stages(out, "facet", facet.name(), b.value(), b.label().map(ReachCsv::inert).orElse(""), b.counts()));
        }
        funnel.histogram().forEach(d -> stages(out, "histogram", "day", d.day().toString(), "", d.counts()));
        return out.toString();
    }

    private static void stages(StringBuilder out, String section, String name, String value, String label, Funnel.Counts n) {
        Csv.line(out, section, name, value, label, "views", "", n.views());
        Csv.line(out, section, name, value, label, "clicks", "", n.clicks());
        Csv.line(out, section, name, value, label, "bookings", "", n.bookings());
        for (Map.Entry<String, java.math.BigDecimal> r : n.revenue().entrySet()) {
            Csv.line(out, section, name, value, label, "revenue", r.getKey(), r.getValue().toPlainString());
        }
    }
}
