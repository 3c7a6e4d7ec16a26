package ponte.core.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: partners' conversions, each under the partner's own id, and their sums per campaign. */
public interface Conversions {
    /** Bookings and revenue of one channel, offer, day and currency. */
    record Converted(String channel, String offer, LocalDate day, Currency currency, long bookings, BigDecimal revenue) {}

    /** The partner's conversions already kept under any of these ids. */
    Map<String, Conversion> byIds(OrgId partner, Collection<String> ids);

    /**
     * Keeps the conversions, durably, in one transaction; one whose (partner, id) is already kept is left as it was (a
     * concurrent retry). Answers what is kept under each id afterwards.
     */
    Map<String, Conversion> record(OrgId partner, List<Conversion> conversions);

    /** The campaign's conversions that happened from {@code from} inclusive to {@code to} exclusive, summed exactly. */
    List<Converted> counted(String campaign, Optional<Instant> from, Optional<Instant> to);
}
