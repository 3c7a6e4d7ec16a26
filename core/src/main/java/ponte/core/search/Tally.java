package ponte.core.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import ponte.core.products.ProductId;

/** Facets and the per-day histogram, counted over the visible candidates handed to it, and only those. */
final class Tally {
    static final List<String> DIMENSIONS = List.of("language", "type", "subject", "country", "product");
    /** Buckets shown per facet: enough for a sidebar; the histogram is never cut. */
    static final int TOP = 20;
    private static final long SECONDS_PER_DAY = 86_400;

    // Mutable counters: a facet window is a thousand candidates times five dimensions, every query.
    private final Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
    private final Map<String, String> subjectNames = new HashMap<>();
    private final Map<Long, int[]> days = new HashMap<>();

    Tally() {
        DIMENSIONS.forEach(d -> counts.put(d, new HashMap<>()));
    }

    void add(Candidate c) {
        count("language", c.facts().language());
        count("type", c.version().content().type());
        for (Candidate.Subject s : c.facts().subjects()) {
            if (count("subject", s.code()) == 1) {
                subjectNames.put(s.code(), s.name());
            }
        }
        for (String country : c.facts().countries()) {
            count("country", country);
        }
        for (ProductId p : c.version().products()) {
            count("product", p.value());
        }
        days.computeIfAbsent(Math.floorDiv(c.item().firstCreated().getEpochSecond(), SECONDS_PER_DAY), d -> new int[1])[0]++;
    }

    private int count(String dimension, String value) {
        return ++counts.get(dimension).computeIfAbsent(value, v -> new int[1])[0];
    }

    Map<String, List<Results.Bucket>> facets() {
        Map<String, List<Results.Bucket>> out = new LinkedHashMap<>();
        counts.forEach((dimension, values) -> {
            List<Results.Bucket> buckets = new ArrayList<>();
            values.forEach((value, n) -> buckets.add(new Results.Bucket(value,
                    dimension.equals("subject") ? subjectNames.getOrDefault(value, value) : value, n[0])));
            buckets.sort(Comparator.comparingInt(Results.Bucket::count).reversed().thenComparing(Results.Bucket::value));
            out.put(dimension, buckets.subList(0, Math.min(TOP, buckets.size())));
        });
        return out;
    }

    /** Per day (UTC) of first publication. */
    SortedMap<LocalDate, Integer> histogram() {
        SortedMap<LocalDate, Integer> out = new TreeMap<>();
        days.forEach((day, n) -> out.put(LocalDate.ofEpochDay(day), n[0]));
        return out;
    }
}
