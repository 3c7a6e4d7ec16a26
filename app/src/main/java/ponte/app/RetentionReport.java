package ponte.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.delivery.Retention;
import ponte.core.delivery.RetentionLoop;

/**
 * What pruning does, told to operators: the counts in the log (a line per round that removed something, and a line
 * of progress every {@link #PROGRESS_EVERY} rows of a long one) and in the metric {@code ponte_retention_pruned_total}.
 */
final class RetentionReport implements RetentionLoop.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionLoop.class);
    static final long PROGRESS_EVERY = 50_000;

    private final Duration keep;
    private final Counter attempts;
    private final Counter deadLetters;
    private long inRound;
    private long lastProgress;

    RetentionReport(Duration keep, MeterRegistry registry) {
        this.keep = keep;
        this.attempts = counter(registry, "attempts");
        this.deadLetters = counter(registry, "dead_letters");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("ponte_retention_pruned").description("delivery attempts and dead letters removed for being older than the retention")
                .tag("kind", kind).register(registry);
    }

    @Override
    public void pruned(Retention.Pruned batch) {
        attempts.increment(batch.attempts());
        deadLetters.increment(batch.deadLetters());
        inRound += batch.attempts() + batch.deadLetters();
        if (inRound - lastProgress >= PROGRESS_EVERY) {
            lastProgress = inRound;
            LOG.info("retention: {} delivery attempts and dead letters pruned so far in this round", String.format("%,d", inRound));
        }
    }

    @Override
    public void finished(Retention.Pruned total, Instant cutoff) {
        inRound = 0;
        lastProgress = 0;
        if (total.any()) {
            LOG.info("retention: pruned {} delivery attempts and {} dead letters from before {} (kept {})",
                    String.format("%,d", total.attempts()), String.format("%,d", total.deadLetters()), cutoff, kept());
        } else {
            LOG.debug("retention: nothing from before {} to prune", cutoff);
        }
    }

    private String kept() {
        return keep.toSeconds() % 86_400 == 0 ? keep.toDays() + " days" : keep.toString();
    }

    @Override
    public void failed(RuntimeException e) {
        LOG.warn("retention: pruning delivery attempts failed; trying again at the next round", e);
    }
}
