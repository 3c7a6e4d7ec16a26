package ponte.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When the attempts on one entry are made: the first after {@code delays[0]} (immediately), the n-th
 * {@code delays[n-1]} after the (n-1)-th failed. After the last, the entry goes to the dead letters.
 */
public record Schedule(List<Duration> delays) {
    /** The gateways' usual schedule: about 27.6 hours from the first attempt to the eighth and last. */
    public static final Schedule DEFAULT = new Schedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));

    public Schedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a schedule has at least one attempt and no negative delay");
        }
    }

    public int attempts() {
        return delays.size();
    }

    /** The wait before the next attempt once {@code made} attempts have failed; empty when none is left. */
    public Optional<Duration> after(int made) {
        return made < delays.size() ? Optional.of(delays.get(made)) : Optional.empty();
    }

    /** "PT0S,PT5S,PT5M" or milliseconds "0,5,50". */
    public static Schedule parse(String text) {
        return new Schedule(java.util.Arrays.stream(text.split(",")).map(String::strip)
                .map(s -> s.startsWith("P") ? Duration.parse(s) : Duration.ofMillis(Long.parseLong(s))).toList());
    }
}
