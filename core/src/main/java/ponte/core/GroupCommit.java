package ponte.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Facts a request acknowledges only once they are durable, written many to a commit: {@link #add} waits until the
 * batch holding its fact has been committed (a group commit), so a caller told "done" never loses it to a crash, and
 * the store sees one transaction for whatever arrived while the previous one was committing. Under a burst the
 * batches grow and the commits per second stay few; a lone fact waits for one commit. On virtual threads the waiting
 * costs a parked thread, not a platform thread.
 *
 * <p>When the store fails or is too slow ({@link #PATIENCE}), {@link #add} throws and nothing is acknowledged; the
 * fact may still be committed with its batch later (a client's retry then counts it twice, which a count of
 * distinct viewers or a click count of a report can bear). Past {@link #BACKLOG} facts waiting, new ones are refused
 * at once rather than queued without end.
 *
 * @param <F> the fact recorded
 */
public final class GroupCommit<F> implements AutoCloseable {
    static final int BACKLOG = 200_000;
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FactLog.Writer<F> facts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private List<F> gathering = new ArrayList<>();
    private CompletableFuture<Void> committed = new CompletableFuture<>();
    private boolean running = true;
    private final Thread writer;

    /** @param name the writer thread's name, which says in a thread dump which facts it writes */
    public GroupCommit(String name, FactLog.Writer<F> facts) {
        this.facts = facts;
        this.writer = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    public GroupCommit<F> start() {
        writer.start();
        return this;
    }

    /** Returns once the fact is committed; throws if it could not be, and then nothing is acknowledged. */
    public void add(F fact) {
        CompletableFuture<Void> done;
        lock.lock();
        try {
            if (!running) {
                throw new IllegalStateException("this node is stopping: the fact was not recorded");
            }
            if (gathering.size() >= BACKLOG) {
                throw new IllegalStateException("the store is behind by " + BACKLOG + " facts: the fact was not recorded");
            }
            gathering.add(fact);
            done = committed;
            arrived.signal();
        } finally {
            lock.unlock();
        }
        try {
            done.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the fact could not be recorded", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the store did not commit within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fact was being recorded", e);
        }
    }

    private void run() {
        while (true) {
            List<F> batch;
            CompletableFuture<Void> done;
            lock.lock();
            try {
                while (gathering.isEmpty() && running) {
                    arrived.awaitUninterruptibly();
                }
                if (gathering.isEmpty()) {
                    return;
                }
                batch = gathering;
                done = committed;
                gathering = new ArrayList<>();
                committed = new CompletableFuture<>();
            } finally {
                lock.unlock();
            }
            try {
                facts.record(batch);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    /** Commits what is waiting, then stops; later facts are refused. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            arrived.signal();
        } finally {
            lock.unlock();
        }
        Pacer.join(writer, Duration.ofSeconds(10));
    }
}
