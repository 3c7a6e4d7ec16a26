package ponte.core.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A live event's viewers as one source counts them: the curve (concurrent viewers per minute), its peak, the unique
 * viewers and the total watch time. The two sources, the partner's reported samples and Ponte's heartbeats, are
 * counted apart and shown side by side, never added: both count the same people (docs/operations.md, "Live events").
 *
 * @param curve  per minute (its start), in time order; minutes no one counted are absent
 * @param unique distinct viewers, when the source counts them
 */
public record Audience(List<Minute> curve, long peak, OptionalLong unique, Duration watchTime) {
    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Audience NONE = new Audience(List.of(), 0, OptionalLong.empty(), Duration.ZERO);

    /** Viewers watching during one minute. */
    public record Minute(Instant at, long concurrent) {}

    public Audience {
        curve = List.copyOf(curve);
        Objects.requireNonNull(unique);
        Objects.requireNonNull(watchTime);
    }

    public boolean counted() {
        return !curve.isEmpty();
    }

    /**
     * From the partner's samples. A sample's count holds until the next sample, the last one's until the event's end,
     * so the watch time is the sum of count × the time it held. The curve takes each minute's largest sample (the
     * peak is the largest of all); unique viewers are the largest cumulative count reported, if any was.
     */
    public static Audience reported(List<ViewerSample> samples, Instant end) {
        List<ViewerSample> sorted = samples.stream().sorted(Comparator.comparing(ViewerSample::at)).toList();
        SortedMap<Instant, Long> minutes = new TreeMap<>();
        long seconds = 0;
        OptionalLong unique = OptionalLong.empty();
        for (int i = 0; i < sorted.size(); i++) {
            ViewerSample s = sorted.get(i);
            Instant until = i + 1 < sorted.size() ? sorted.get(i + 1).at() : end;
            seconds = Math.addExact(seconds, Math.multiplyExact(s.concurrent(), Math.max(0, Duration.between(s.at(), until).toSeconds())));
            minutes.merge(s.at().truncatedTo(ChronoUnit.MINUTES), s.concurrent(), Math::max);
            if (s.unique().isPresent() && s.unique().getAsLong() > unique.orElse(-1)) {
                unique = s.unique();
            }
        }
        return of(minutes, unique, Duration.ofSeconds(seconds));
    }

    /**
     * From heartbeats: a viewer is counted in each minute it sent one (players send one every 30 s, so a viewer
     * watching is seen in every minute), watch time is a minute per viewer per minute counted, unique viewers are the
     * distinct ones over the event.
     */
    public static Audience measured(SortedMap<Instant, Long> perMinute, long viewers) {
        long viewerMinutes = perMinute.values().stream().mapToLong(Long::longValue).sum();
        return of(perMinute, perMinute.isEmpty() ? OptionalLong.empty() : OptionalLong.of(viewers), MINUTE.multipliedBy(viewerMinutes));
    }

    private static Audience of(SortedMap<Instant, Long> minutes, OptionalLong unique, Duration watchTime) {
        List<Minute> curve = new ArrayList<>();
        long peak = 0;
        for (Map.Entry<Instant, Long> m : minutes.entrySet()) {
            curve.add(new Minute(m.getKey(), m.getValue()));
            peak = Math.max(peak, m.getValue());
        }
        return new Audience(curve, peak, unique, watchTime);
    }
}
