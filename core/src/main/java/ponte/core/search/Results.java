package ponte.core.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A page of hits, with facets and a per-day histogram counted over visible hits only: those among the best
 * {@link Searching#WINDOW} candidates ({@code complete} says whether that was every match), so nothing the caller
 * may not see is ever counted.
 */
public record Results(List<Hit> hits, int visible, boolean complete, Map<String, List<Bucket>> facets,
                      SortedMap<LocalDate, Integer> histogram, Optional<String> next) {

    /** A hit: the candidate, its marked passages, and the other language versions the caller may find. */
    public record Hit(Candidate candidate, Snippets snippets, List<Candidate> languageVersions) {
        public Hit {
            languageVersions = List.copyOf(languageVersions);
        }
    }

    /** One facet value and how many visible hits have it; {@code label} is a name to show (a subject's name). */
    public record Bucket(String value, String label, int count) {}

    public Results {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
