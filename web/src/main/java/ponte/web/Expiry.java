package ponte.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.agreements.Agreement;

/**
 * Warnings before an agreement in force ends: at 30, 7 and 1 days before its validTo, the nearest threshold it has
 * passed. Shown on the agreements pages and as a banner on the desk.
 */
public record Expiry(Agreement agreement, int withinDays, Instant endsAt) {
    static final List<Integer> THRESHOLDS = List.of(1, 7, 30);

    static Optional<Expiry> of(Agreement agreement, Instant now) {
        if (agreement.state(now) != Agreement.State.ACTIVE) {
            return Optional.empty();
        }
        Optional<Instant> to = agreement.current().terms().validity().to();
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, to.get());
        for (int days : THRESHOLDS) {
            if (left.compareTo(Duration.ofDays(days)) <= 0) {
                return Optional.of(new Expiry(agreement, days, to.get()));
            }
        }
        return Optional.empty();
    }
}
