package ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Pacer;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.DeadLetter;
import ponte.core.delivery.Deliveries;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointFilter;
import ponte.core.delivery.Endpoints;
import ponte.core.delivery.Outcome;
import ponte.core.delivery.Progress;
import ponte.core.delivery.Retrying;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;

/**
 * One endpoint's consumer of the log, on its own virtual thread: takes the entries routed to its org after its
 * durable cursor, in order, and delivers each (one request in flight) before the next. A failing entry waits for its
 * retry here and holds back nothing but this endpoint. Never interrupted: H2 closes its file when a thread doing I/O
 * is, so the worker stops by its {@link Pacer}'s flag and wake-up.
 */
final class EndpointWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointWorker.class);
    private static final int PAGE = 100;
    private static final int UNCONFIRMED = DeliverySettings.UNCONFIRMED_OUTCOMES;

    /** What the worker needs from the pusher, shared by every worker. */
    record Context(Endpoints endpoints, Deliveries deliveries, SharedPages pages, Payloads payloads, Sender sender, Retrying retrying,
                   Clock clock, Duration poll, DeliveryObserver observer) {}

    private final Context context;
    private final Pacer pacer = new Pacer();
    private Thread thread;
    private volatile boolean reload = true;
    private volatile boolean resends = true;
    private volatile Endpoint endpoint;
    private volatile Progress progress;
    private final Deque<Admitted> line = new ArrayDeque<>();
    private final Deque<CompletableFuture<Boolean>> unconfirmed = new ArrayDeque<>();
    private Cursor readUpTo;
    /** When the oldest entry waiting in the line was appended; null when the line is empty (caught up). */
    private volatile Instant oldestWaiting;

    EndpointWorker(Endpoint endpoint, Context context) {
        this.endpoint = endpoint;
        this.context = context;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Starts delivering on a virtual thread of its own. */
    EndpointWorker begin() {
        thread = Thread.ofVirtual().name("ponte-push-" + endpoint.id()).start(this);
        return this;
    }

    Thread thread() {
        return thread;
    }

    /**
     * What was asked of the endpoint by hand, as stored, possibly through another node: a replay (the epoch moved
     * away from the one this worker works under) or re-sends. Picked up as a local change would be.
     */
    void asked(Endpoints.Asked asked) {
        Progress p = progress;
        if (asked.resends() || (p != null && !reload && asked.epoch() != p.epoch())) {
            changed(endpoint);
        }
    }

    /** When the oldest entry read and not yet delivered was appended, if one waits. */
    Optional<Instant> oldestWaiting() {
        return Optional.ofNullable(oldestWaiting);
    }

    /** The endpoint changed (settings, state, cursor, re-sends requested): pick it up before the next request. */
    void changed(Endpoint fresh) {
        endpoint = fresh;
        reload = true;
        resends = true;
        wake();
    }

    void wake() {
        pacer.wake();
    }

    void stop() {
        pacer.stop();
    }

    @Override
    public void run() {
        while (pacer.running()) {
            try {
                step();
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return; // stopped (deleted, or the node is closing) while a step was under way
                }
                LOG.warn("endpoint {}: delivery step failed, retrying after {}", endpoint.id(), context.poll(), e);
                reload = true;
                pause(context.poll());
            }
        }
    }

    private void step() {
        Endpoint e = endpoint;
        if (!e.isActive()) {
            pause(Duration.ofDays(1)); // until changed
            return;
        }
        if (reload) {
            unconfirmed.forEach(f -> f.exceptionally(t -> false).join());
            unconfirmed.clear();
            reload = false;
            progress = context.endpoints().progress(e.id());
            line.clear();
            readUpTo = progress.cursor();
        }
        if (resends && resendDeadLetters(e)) {
            return;
        }
        if (line.isEmpty() && !fill(e)) {
            oldestWaiting = null;
            pause(context.poll());
            return;
        }
        FeedEntry entry = line.peekFirst().entry();
        oldestWaiting = entry.appendedAt();
        Optional<Progress.Pending> pending = progress.pending().filter(p -> p.entry().equals(entry.cursor()));
        Instant now = context.clock().instant();
        if (pending.isPresent() && pending.get().nextAttempt().isAfter(now)) {
            // Wait for the retry, but wake for changes, and look at the clock at least every poll interval.
            Duration wait = Duration.between(now, pending.get().nextAttempt());
            pause(wait.compareTo(context.poll()) < 0 ? wait : context.poll());
            return;
        }
        Attempt attempt = send(e, line.peekFirst(), progress.attemptsOn(entry.cursor()) + 1);
        if (!pacer.running()) {
            return; // the node is closing and cut the request short: not the receiver's failure, so not recorded
        }
        context.observer().attempted(e, entry, attempt);
        Outcome outcome = context.retrying().afterLine(e, entry, attempt, progress);
        unconfirmed.addLast(context.deliveries().submit(outcome));
        if (unconfirmed.size() > UNCONFIRMED && !confirm(1)) {
            return;
        }
        progress = outcome.progress().orElseThrow();
        if (!progress.cursor().equals(entry.cursor()) || progress.pending().isPresent()) {
            outcome.disabled().ifPresent(why -> endpoint = e.disabled(why));
            return;
        }
        line.pollFirst();
    }

    /** Reads the next page of the org's entries; keeps those this endpoint takes. Returns whether any is waiting. */
    private boolean fill(Endpoint e) {
        while (true) {
            Feeds.Page page = context.pages().read(e.org(), readUpTo, PAGE);
            for (Admitted admitted : Admitted.of(page)) {
                if (takes(e, admitted)) {
                    line.addLast(admitted);
                }
            }
            boolean moved = page.next().compareTo(readUpTo) > 0;
            readUpTo = page.next();
            if (!line.isEmpty()) {
                return true;
            }
            if (!moved) {
                return false;
            }
            // Nothing here for this endpoint: remember that durably, so a restart does not read it all again.
            if (progress.pending().isEmpty() && settle()) {
                context.endpoints().skipTo(e.id(), progress.epoch(), readUpTo);
                progress = new Progress(readUpTo, progress.epoch(), Optional.empty(), progress.failingSince());
            }
        }
    }

    /** The filter, except that a correction or kill of an item the endpoint received always goes through. */
    private boolean takes(Endpoint e, Admitted admitted) {
        EndpointFilter filter = e.filter();
        if (filter.equals(EndpointFilter.ANY)) {
            return true;
        }
        FeedEntry entry = admitted.entry();
        Payloads.Rendered rendered = context.payloads().render(e.org(), admitted, e.format());
        if (filter.matches(entry.version().content().language(), entry.version().products(), rendered.subjects())) {
            return true;
        }
        return entry.event().followsRecipients() && context.deliveries().received(e.id(), entry.item().id());
    }

    private Attempt send(Endpoint e, Admitted admitted, int number) {
        FeedEntry entry = admitted.entry();
        String id = webhookId(e, entry.cursor());
        Payloads.Rendered payload;
        try {
            payload = context.payloads().render(e.org(), admitted, e.format());
        } catch (RuntimeException renderFailed) {
            return new Attempt(e.id(), entry.cursor(), id, number, context.clock().instant(), Optional.empty(), Duration.ZERO,
                    Optional.of("could not render the entry: " + renderFailed.getMessage()));
        }
        return context.sender().send(e.id(), e.url(), entry, id, number, e.secrets().signing(context.clock().instant()), payload);
    }

    /** Standard Webhooks' idempotency key: the same for every attempt, re-send and replay of one entry to one endpoint. */
    static String webhookId(Endpoint e, Cursor entry) {
        return "msg_" + e.id().value() + "_" + entry.encode();
    }

    /** Waits for every outcome still committing; false (and a reload next) if the cursor was moved by hand meanwhile. */
    private boolean settle() {
        return confirm(unconfirmed.size());
    }

    private boolean confirm(int n) {
        boolean applied = true;
        for (int i = 0; i < n && !unconfirmed.isEmpty(); i++) {
            applied &= unconfirmed.pollFirst().join();
        }
        if (!applied) {
            unconfirmed.forEach(CompletableFuture::join);
            unconfirmed.clear();
            reload = true; // the cursor was moved by hand meanwhile
        }
        return applied;
    }

    /** One more attempt for each dead letter its org asked to re-send; returns whether it made any. */
    private boolean resendDeadLetters(Endpoint e) {
        if (!settle()) {
            return true;
        }
        resends = false;
        List<DeadLetter> letters = context.deliveries().resendsRequested(e.id(), 20);
        for (DeadLetter letter : letters) {
            if (!pacer.running() || !endpoint.isActive()) {
                break;
            }
            Optional<Admitted> entry = context.pages().entry(e.org(), letter.entry());
            Attempt attempt = entry.isPresent()
                    ? send(e, entry.get(), letter.attempts() + 1)
                    : new Attempt(e.id(), letter.entry(), webhookId(e, letter.entry()), letter.attempts() + 1, context.clock().instant(),
                            Optional.empty(), Duration.ZERO, Optional.of("the entry is no longer licensed to this organisation"));
            Outcome outcome = entry.isPresent()
                    ? context.retrying().afterResend(e, entry.get().entry(), attempt, progress.epoch())
                    : new Outcome(attempt, progress.epoch(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            context.deliveries().record(outcome);
            outcome.disabled().ifPresent(why -> endpoint = e.disabled(why));
        }
        resends |= letters.size() == 20;
        return !letters.isEmpty();
    }

    private void pause(Duration at) {
        // Nothing waits with outcomes uncommitted: an idle or retrying endpoint's state is durable.
        if (!unconfirmed.isEmpty()) {
            try {
                if (!settle()) {
                    return; // reload at once
                }
            } catch (RuntimeException failed) {
                unconfirmed.clear();
                reload = true; // and wait: the store is failing
            }
        }
        pacer.pause(at);
    }
}
