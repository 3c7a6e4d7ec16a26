package ponte.core.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ponte.core.Pacer;

/**
 * The rendition queue: a fixed number of workers take processing files from the {@link MediaLibrary} (the queue is the
 * database, so it survives a restart and is shared by nodes) and make their renditions through the {@link Transcoder}.
 * Bounded by its workers: an upload never waits for transcoding, a burst of uploads waits in the library. A claim is
 * renewed with every progress report; one not renewed for {@code staleAfter} (its node died mid-transcode, a kill -9)
 * is taken again, and since renditions are listed only when all are stored, the retry starts from a clean slate.
 */
public final class Preparing implements AutoCloseable {
    /** How often an idle worker looks for claims gone stale and uploads made on other nodes. */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final MediaLibrary library;
    private final Transcoder transcoder;
    private final Clock clock;
    private final Duration staleAfter;
    private final Consumer<RuntimeException> failures;
    private final Pacer pacer = new Pacer();
    private final List<Thread> workers = new ArrayList<>();

    /**
     * @param workers    how many files are transcoded at once (ffmpeg uses every core for one; 1 suits a small machine)
     * @param staleAfter how long a claim lives without a progress report
     * @param failures   told of what went wrong outside any one file (the database away), for the log
     */
    public Preparing(MediaLibrary library, Transcoder transcoder, Clock clock, int workers, Duration staleAfter, Consumer<RuntimeException> failures) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.library = library;
        this.transcoder = transcoder;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.failures = failures;
        for (int i = 0; i < workers; i++) {
            this.workers.add(Thread.ofVirtual().name("ponte-renditions-" + i).unstarted(this::work));
        }
    }

    public Preparing start() {
        if (transcoder.unavailable().isEmpty()) {
            workers.forEach(Thread::start);
        }
        return this;
    }

    /** A file was queued: an idle worker looks now rather than at its next poll. */
    public void wake() {
        pacer.wake();
    }

    private void work() {
        while (pacer.running()) {
            Optional<Media> next;
            try {
                Instant now = clock.instant();
                next = library.claimNext(now, now.minus(staleAfter));
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return;
                }
                failures.accept(e);
                next = Optional.empty();
            }
            if (next.isEmpty()) {
                pacer.pause(IDLE_POLL);
            } else {
                prepare(next.get());
            }
        }
    }

    /** Makes one file's renditions; whatever happens, the file ends ready or failed with why (or stays claimed if the node stops). */
    void prepare(Media media) {
        int[] last = {-1};
        try {
            List<Rendition> renditions = transcoder.renditions(media, percent -> {
                if (percent != last[0]) {
                    last[0] = percent;
                    library.progress(media.id(), Math.clamp(percent, 0, 99), clock.instant());
                }
            });
            library.ready(media.id(), renditions);
        } catch (TranscodeFailed e) {
            library.failed(media.id(), e.getMessage());
        } catch (RuntimeException e) {
            if (pacer.running()) {
                // Not the file's fault as far as anyone can tell (the store or the database away): its claim goes
                // stale and it is tried again, rather than failed for good.
                failures.accept(e);
            }
        }
    }

    /**
     * Stops the workers: transcodes under way are cancelled and left to their claims, which a later start takes up
     * again. Never interrupted: an interrupt inside a database call can close the embedded database's file.
     */
    @Override
    public void close() {
        pacer.stop();
        transcoder.cancelAll();
        workers.forEach(t -> Pacer.join(t, Duration.ofSeconds(10)));
    }
}
