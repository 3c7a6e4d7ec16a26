package ponte.core.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Port: clicks as recorded (in batches, by the click log) and counted. */
public interface ClickFacts {
    void record(List<Click> clicks);

    /** Clicks per link code of the campaign. */
    Map<String, ClickCount> counts(String campaign);

    /** People's clicks per link code and day in [from, to). */
    Map<String, Map<LocalDate, Long>> daily(String campaign, Instant from, Instant to);
}
