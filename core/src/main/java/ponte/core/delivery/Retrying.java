package ponte.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ponte.core.log.FeedEntry;

/**
 * The rules after an attempt: a 2xx moves the cursor past the entry; 410 Gone disables the endpoint; any other
 * answer, a refused connection or a timeout is retried on the schedule, and when the schedule runs out the entry
 * becomes a dead letter and the cursor moves on. An endpoint that has failed without a single success for
 * {@code disableAfter} (5 days by default) is disabled, with why.
 */
public final class Retrying {
    public static final Duration DISABLE_AFTER = Duration.ofDays(5);

    private final Schedule schedule;
    private final Duration disableAfter;

    public Retrying(Schedule schedule, Duration disableAfter) {
        this.schedule = schedule;
        this.disableAfter = disableAfter;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The outcome of an attempt on the entry at the head of the endpoint's line. */
    public Outcome afterLine(Endpoint endpoint, FeedEntry entry, Attempt attempt, Progress before) {
        Instant now = attempt.at();
        if (attempt.delivered()) {
            return new Outcome(attempt, before.epoch(), Optional.of(new Progress(entry.cursor(), before.epoch(), Optional.empty(), Optional.empty())),
                    Optional.of(reach(endpoint, entry, now)), Optional.empty(), Optional.empty());
        }
        int made = attempt.number();
        Instant failingSince = before.failingSince().orElse(now);
        Progress.Pending again = new Progress.Pending(entry.cursor(), made, now);
        if (attempt.gone()) {
            return disable(attempt, before, again, failingSince, "the receiver answered 410 Gone at " + now + " for " + endpoint.url());
        }
        if (Duration.between(failingSince, now).compareTo(disableAfter) >= 0) {
            return disable(attempt, before, again, failingSince, "every delivery has failed since " + failingSince
                    + " (more than " + human(disableAfter) + "); last error: " + attempt.problem());
        }
        Optional<Duration> wait = schedule.after(made);
        if (wait.isPresent()) {
            Progress retry = new Progress(before.cursor(), before.epoch(), Optional.of(new Progress.Pending(entry.cursor(), made, now.plus(wait.get()))),
                    Optional.of(failingSince));
            return new Outcome(attempt, before.epoch(), Optional.of(retry), Optional.empty(), Optional.empty(), Optional.empty());
        }
        DeadLetter letter = new DeadLetter(endpoint.id(), entry.cursor(), entry.item().id(), entry.version().number(), entry.event(),
                made, now, attempt.problem());
        Progress moved = new Progress(entry.cursor(), before.epoch(), Optional.empty(), Optional.of(failingSince));
        return new Outcome(attempt, before.epoch(), Optional.of(moved), Optional.empty(), Optional.of(letter), Optional.empty());
    }

    /** The outcome of re-sending a dead letter: one attempt, which leaves the endpoint's line where it is. */
    public Outcome afterResend(Endpoint endpoint, FeedEntry entry, Attempt attempt, long epoch) {
        Optional<String> disabled = attempt.gone()
                ? Optional.of("the receiver answered 410 Gone at " + attempt.at() + " for " + endpoint.url())
                : Optional.empty();
        return new Outcome(attempt, epoch, Optional.empty(),
                attempt.delivered() ? Optional.of(reach(endpoint, entry, attempt.at())) : Optional.empty(), Optional.empty(), disabled);
    }

    private static Outcome disable(Attempt attempt, Progress before, Progress.Pending again, Instant failingSince, String why) {
        Progress held = new Progress(before.cursor(), before.epoch(), Optional.of(again), Optional.of(failingSince));
        return new Outcome(attempt, before.epoch(), Optional.of(held), Optional.empty(), Optional.empty(), Optional.of(why));
    }

    private static Delivered reach(Endpoint endpoint, FeedEntry entry, Instant at) {
        return new Delivered(endpoint.id(), endpoint.org(), entry.item().id(), entry.version().number(), entry.cursor(), at);
    }

    private static String human(Duration d) {
        return d.toDays() >= 1 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 ? d.toDays() + " days" : d.toString();
    }
}
