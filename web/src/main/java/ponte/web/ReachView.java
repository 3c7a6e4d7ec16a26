package ponte.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ponte.core.reach.Reach;

/**
 * A {@link Reach} as the dashboard draws it: the world map's countries shaded in five steps, the largest buckets of
 * each facet, and the histogram as bars, all in the reader's language. The charts are SVG in the page; the tables
 * beside them say the same for screen readers.
 */
public record ReachView(Reach reach, List<Country> map, List<Row> countries, List<Facet> facets, List<Bar> bars, long busiestDay) {
    static final int TOP = 10;
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 160;

    /** @param level 0 (not reached) to 4 (the most reached country) */
    public record Country(String code, String name, String path, long count, int level) {}

    public record Facet(String name, List<Row> rows, int more) {}

    /** @param label what the reader reads: a country's or an org's or outlet's name, else the value itself */
    public record Row(String value, String label, long count) {}

    public record Bar(LocalDate day, long count, String x, String y, String width, String height) {}

    static ReachView of(Reach reach, Locale locale) {
        Map<String, Long> byCountry = new HashMap<>();
        List<Row> countries = new ArrayList<>();
        reach.facets().stream().filter(f -> f.name().equals("country")).findFirst().ifPresent(f -> f.buckets().forEach(b -> {
            byCountry.put(b.value(), b.count());
            countries.add(new Row(b.value(), countryName(b.value(), locale), b.count()));
        }));
        long most = byCountry.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Country> map = new ArrayList<>();
        for (WorldMap.Shape shape : WorldMap.shapes()) {
            long count = byCountry.getOrDefault(shape.country(), 0L);
            String name = shape.country().isEmpty() ? shape.name() : countryName(shape.country(), locale);
            map.add(new Country(shape.country(), name, shape.path(), count, level(count, most)));
        }
        List<Facet> facets = new ArrayList<>();
        for (Reach.Facet f : reach.facets()) {
            List<Row> rows = f.buckets().stream().limit(TOP)
                    .map(b -> new Row(b.value(), f.name().equals("country") ? countryName(b.value(), locale)
                            : f.name().equals("language") ? languageName(b.value(), locale) : b.label().orElse(b.value()), b.count()))
                    .toList();
            facets.add(new Facet(f.name(), rows, Math.max(0, f.buckets().size() - TOP)));
        }
        long busiest = reach.histogram().stream().mapToLong(Reach.Day::count).max().orElse(0);
        return new ReachView(reach, map, countries, facets, bars(reach.histogram(), busiest), busiest);
    }

    /** Shades grow with the logarithm of the count, so one large country does not leave every other one pale. */
    static int level(long count, long most) {
        if (count <= 0 || most <= 0) {
            return 0;
        }
        if (most == 1) {
            return 4;
        }
        return 1 + (int) Math.min(3, Math.floor(3 * Math.log(count) / Math.log(most)));
    }

    /** Bars of days, as wide as a day's slot and as tall as its share of the busiest day (the funnel's days too). */
    static List<Bar> bars(List<Reach.Day> days, long busiest) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate first = days.getFirst().day();
        long span = days.getLast().day().toEpochDay() - first.toEpochDay() + 1;
        double slot = (double) CHART_WIDTH / span;
        List<Bar> bars = new ArrayList<>();
        for (Reach.Day d : days) {
            double height = busiest == 0 ? 0 : Math.max(1, (double) d.count() * CHART_HEIGHT / busiest);
            double x = (d.day().toEpochDay() - first.toEpochDay()) * slot;
            bars.add(new Bar(d.day(), d.count(), num(x + slot * 0.1), num(CHART_HEIGHT - height), num(Math.max(1, slot * 0.8)), num(height)));
        }
        return bars;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String countryName(String code, Locale locale) {
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    static String languageName(String tag, Locale locale) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isBlank() ? tag : name;
    }

    public Reach.Totals totals() {
        return reach.totals();
    }

    public Facet facet(String name) {
        return facets.stream().filter(f -> f.name().equals(name)).findFirst().orElse(new Facet(name, List.of(), 0));
    }

    public int chartWidth() {
        return CHART_WIDTH;
    }

    public int chartHeight() {
        return CHART_HEIGHT;
    }

    public int mapWidth() {
        return WorldMap.WIDTH;
    }

    public int mapHeight() {
        return WorldMap.HEIGHT;
    }
}
