package ponte.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ponte.core.campaigns.Funnel;
import ponte.core.reach.Reach;

/**
 * A campaign's {@link Funnel} as its dashboard draws it: the stages as bars (each as wide as its share of the views,
 * or of the clicks when nothing was viewed), the facets and the days as tables, revenue per currency in the reader's
 * format. The charts are SVG in the page; the tables beside them say the same for screen readers.
 */
public record FunnelView(Funnel funnel, List<Stage> stages, List<ReachView.Bar> bars, long busiestDay, Locale locale) {
    static final int STAGE_WIDTH = 600;

    /** Where the bars start in the SVG: the stages' names are written before. */
    static final int BARS_FROM = 150;

    /** One stage of the funnel: its name (a message key's last part), its count, the bar's width and where its count is written. */
    public record Stage(String name, long count, String width, String countX, int y) {}

    static FunnelView of(Funnel funnel, Locale locale) {
        Funnel.Counts t = funnel.totals();
        long widest = Math.max(1, Math.max(t.views(), Math.max(t.clicks(), t.bookings())));
        List<Stage> stages = new ArrayList<>();
        long[] counts = {t.views(), t.clicks(), t.bookings()};
        String[] names = {"views", "clicks", "bookings"};
        for (int i = 0; i < counts.length; i++) {
            // A square root keeps a few bookings visible beside millions of views; the table gives the exact numbers.
            double share = Math.sqrt((double) counts[i] / widest);
            double width = counts[i] == 0 ? 0 : Math.max(2, share * STAGE_WIDTH);
            stages.add(new Stage(names[i], counts[i], String.format(Locale.ROOT, "%.1f", width),
                    String.format(Locale.ROOT, "%.1f", BARS_FROM + width + 8), i * 40));
        }
        List<Reach.Day> clicks = funnel.histogram().stream().map(d -> new Reach.Day(d.day(), d.counts().clicks())).toList();
        long busiest = clicks.stream().mapToLong(Reach.Day::count).max().orElse(0);
        return new FunnelView(funnel, stages, busiest == 0 ? List.of() : ReachView.bars(clicks, busiest), busiest, locale);
    }

    public Funnel.Counts totals() {
        return funnel.totals();
    }

    public List<Funnel.Bucket> facet(String name) {
        return funnel.facet(name).buckets();
    }

    public List<Funnel.Day> days() {
        return funnel.histogram();
    }

    /** Each currency's sum in the reader's format ("€1,290.00 · CN¥25,600.00"), or a dash for none. */
    public String revenue(Funnel.Counts counts) {
        return revenue(counts.revenue(), locale);
    }

    public static String revenue(Map<String, BigDecimal> revenue, Locale locale) {
        if (revenue.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        revenue.forEach((code, amount) -> parts.add(money(code, amount, locale)));
        return String.join(" · ", parts);
    }

    /** An amount in its currency, in the reader's format, or a dash for none. */
    public static String money(String code, BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(code));
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        return format.format(amount);
    }

    public String languageName(String tag) {
        return ReachView.languageName(tag, locale);
    }

    public int stageWidth() {
        return STAGE_WIDTH;
    }

    public int barsFrom() {
        return BARS_FROM;
    }

    public int chartWidth() {
        return ReachView.CHART_WIDTH;
    }

    public int chartHeight() {
        return ReachView.CHART_HEIGHT;
    }
}
