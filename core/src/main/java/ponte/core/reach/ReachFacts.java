package ponte.core.reach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/** Port: the reach facts of a scope, counted where they are kept (routes, deliveries, reads, usage reports). */
public interface ReachFacts {
    /**
     * Which facts to count: those of the scope's items, of one partner only when given, routed (or used) from
     * {@code from} inclusive to {@code to} exclusive.
     */
    record Filter(ReachScope scope, Optional<OrgId> partner, Optional<Instant> from, Optional<Instant> to) {
        public Filter {
            Objects.requireNonNull(scope);
            Objects.requireNonNull(partner);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }
    }

    /**
     * Entries routed to a partner through one licensor's licence, of items in one language under the same rights:
     * how many, and how many of them the partner has read (its feed or stream served them, it fetched the version, or
     * downloaded its media).
     */
    record Routed(OrgId partner, Optional<OrgId> licensor, Optional<String> language, Territories rights, long routed, long read) {}

    /** A partner's usage reports on one outlet, of items in one language, on one day. */
    record Used(OrgId partner, String outlet, CountryCode country, Optional<String> language, LocalDate day, long reports, long audience) {}

    /**
     * @param delivered    entries pushed to at least one of the partner's webhook endpoints (each counted once)
     * @param routedByDay  entries routed, by the day (UTC) they were appended
     */
    record Facts(List<Routed> routed, long delivered, List<Used> used, Map<LocalDate, Long> routedByDay) {}

    Facts count(Filter filter);
}
