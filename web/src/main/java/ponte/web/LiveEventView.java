package ponte.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import ponte.core.campaigns.Audience;
import ponte.core.campaigns.LiveEventing;

/**
 * A live event's viewers drawn server-side: the curve of each source as an SVG polyline over the event's time (no
 * script), the figures, and the same minutes as a table for screen readers and for copying.
 */
public record LiveEventView(LiveEventing.Watched watched, String reportedPoints, String heartbeatPoints, long top, List<Row> rows) {
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 200;

    /** One minute of the table: the partner's count and the heartbeats' count, either absent. */
    public record Row(Instant at, OptionalLong reported, OptionalLong heartbeats) {}

    static LiveEventView of(LiveEventing.Watched w) {
        long top = Math.max(1, Math.max(w.reported().peak(), w.heartbeats().peak()));
        Map<Instant, Row> rows = new TreeMap<>();
        w.reported().curve().forEach(m -> rows.put(m.at(), new Row(m.at(), OptionalLong.of(m.concurrent()), OptionalLong.empty())));
        w.heartbeats().curve().forEach(m -> rows.merge(m.at(), new Row(m.at(), OptionalLong.empty(), OptionalLong.of(m.concurrent())),
                (r, h) -> new Row(r.at(), r.reported(), h.heartbeats())));
        return new LiveEventView(w, points(w.reported(), w, top), points(w.heartbeats(), w, top), top, List.copyOf(rows.values()));
    }

    /** "x,y x,y …" of the curve, x by time from the event's start to its end, y from 0 at the bottom to the top count. */
    private static String points(Audience a, LiveEventing.Watched w, long top) {
        double span = Math.max(1, Duration.between(w.event().start(), w.event().end()).toSeconds());
        List<String> points = new ArrayList<>();
        for (Audience.Minute m : a.curve()) {
            double x = Math.clamp(Duration.between(w.event().start(), m.at()).toSeconds() / span, 0, 1) * CHART_WIDTH;
            double y = CHART_HEIGHT - (double) m.concurrent() * CHART_HEIGHT / top;
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return String.join(" ", points);
    }

    /** Whole hours of watching, rounded down: what a dashboard reader compares. */
    public static long hours(Audience a) {
        return a.watchTime().toHours();
    }

    public int chartWidth() {
        return CHART_WIDTH;
    }

    public int chartHeight() {
        return CHART_HEIGHT;
    }
}
