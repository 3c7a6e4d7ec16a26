package ponte.core.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, String> subjectNames = new HashMap<>();
    private final SortedMap<LocalDate, Integer> days = new TreeMap<>();

    Tally() {
        DIMENSIONS.forEach(d -> counts.put(d, new HashMap<>()));
    }

    void add(Candidate c) {
        count("language", c.facts().language());
        count("type", c.version().content().type());
        for (Candidate.Subject s : c.facts().subjects()) {
            count("subject", s.code());
            subjectNames.putIfAbsent(s.code(), s.name());
        }
        c.facts().countries().forEach(country -> count("country", country));
        c.version().products().stream().map(ProductId::value).forEach(p -> count("product", p));
        days.merge(LocalDate.ofInstant(c.item().firstCreated(), ZoneOffset.UTC), 1, Integer::sum);
    }

    private void count(String dimension, String value) {
        counts.get(dimension).merge(value, 1, Integer::sum);
    }

    Map<String, List<Results.Bucket>> facets() {
        Map<String, List<Results.Bucket>> out = new LinkedHashMap<>();
        counts.forEach((dimension, values) -> {
            List<Results.Bucket> buckets = new ArrayList<>();
            values.forEach((value, n) -> buckets.add(new Results.Bucket(value,
                    dimension.equals("subject") ? subjectNames.getOrDefault(value, value) : value, n)));
            buckets.sort(Comparator.comparingInt(Results.Bucket::count).reversed().thenComparing(Results.Bucket::value));
            out.put(dimension, buckets.subList(0, Math.min(TOP, buckets.size())));
        });
        return out;
    }

    SortedMap<LocalDate, Integer> histogram() {
        return days;
    }
}
