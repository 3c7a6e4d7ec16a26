package ponte.core.ingest;

import java.util.ArrayList;
import java.util.List;
import ponte.core.log.Appended;

/**
 * What importing entries did: how many of each outcome, each entry that failed with why, and the log entries it
 * appended (so an upload can answer the ids of the items it made).
 */
public record Report(int published, int updated, int killed, int unchanged, int failed, List<Problem> problems, List<Appended> appended) {
    /** Kept per poll and returned to callers: enough to see what is wrong without flooding anyone. */
    public static final int MAX_PROBLEMS = 50;

    public record Problem(String entry, String detail) {}

    public Report {
        problems = List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        appended = List.copyOf(appended);
    }

    /** A running tally, filled entry by entry. */
    static final class Tally {
        int published;
        int updated;
        int killed;
        int unchanged;
        final List<Problem> problems = new ArrayList<>();
        final List<Appended> appended = new ArrayList<>();

        void failed(String entry, String detail) {
            problems.add(new Problem(entry, detail));
        }

        Report report() {
            return new Report(published, updated, killed, unchanged, problems.size(), problems, appended);
        }
    }
}
