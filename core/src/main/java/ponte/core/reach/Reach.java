package ponte.core.reach;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How far a scope went. Totals: entries routed to partners, delivered by push, read; usage reports, and the partners,
 * outlets and countries reached, and the audience reported. Facets and the histogram count reach facts: an entry
 * routed to a partner, or a usage report. A routed entry counts in each country its partner may use it in (its own
 * and its outlets' countries that the licence and the item's rights allow), a report in its outlet's country.
 *
 * @param facets country, outlet, partner, language and licensor, in that order, each largest first
 */
public record Reach(Totals totals, List<Facet> facets, List<Day> histogram) {
    public static final List<String> FACETS = List.of("country", "outlet", "partner", "language", "licensor");

    public record Totals(long routed, long delivered, long read, long reported, long partners, long outlets, long countries,
                         long audience) {}

    public record Facet(String name, List<Bucket> buckets) {}

    /** @param label a readable name when the value is an id (an org's or an outlet's name) */
    public record Bucket(String value, Optional<String> label, long count) {}

    public record Day(LocalDate day, long count) {}
}
