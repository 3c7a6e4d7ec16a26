package ponte.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token bucket: {@code perSecond} requests a second on average, up to {@code burst} at once. Written
 * {@code 100/s} (a burst of one second's worth) or {@code 100/s,burst=1000}.
 */
public record RateLimit(long perSecond, long burst) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9})/s(?:,burst=(\\d{1,9}))?");

    public RateLimit {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request a second and a burst of 1");
        }
    }

    /** {@code 100/s} or {@code 100/s,burst=1000}; spaces are ignored. */
    public static RateLimit parse(String written) {
        Matcher m = WRITTEN.matcher(written.replace(" ", "").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a rate limit is written 100/s or 100/s,burst=1000 (or off), not '" + written + "'");
        }
        long rate = Long.parseLong(m.group(1));
        return new RateLimit(rate, m.group(2) == null ? rate : Long.parseLong(m.group(2)));
    }

    /** How many seconds an empty bucket takes to fill: the window of the advertised policy (at least 1). */
    long windowSeconds() {
        return Math.max(1, (burst + perSecond - 1) / perSecond);
    }

    @Override
    public String toString() {
        return perSecond + "/s,burst=" + burst;
    }
}
