package ponte.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ponte.core.Pacer;

/**
 * Facts a request acknowledges at once and the store learns soon: {@link #add} appends the fact as one line to a
 * journal file under the node's data directory (one write, no database call) and returns; a request answered after it
 * has its fact in the operating system's file cache, which a killed process cannot lose. Every {@link #PERIOD} the
 * journal is sealed as a segment and a new one begun; a drain thread writes each sealed segment to the store in one
 * transaction that also claims the segment's name, then deletes the file. A node killed at any point drains what is
 * left when it starts again, before it serves; a segment whose claim was committed is not written twice.
 *
 * <p>Measured (docs/benchmarks.md, "Live events and tracked links in bursts"): a group commit to the database per
 * burst of requests kept heartbeats and clicks at 0.1–0.3x the node's /health rate; one append per request does not
 * slow a request measurably. The trade-off: the journal is not fsync'ed, so a power loss may lose the last
 * {@link #PERIOD} of acknowledged facts, as embedded H2 does its commits (docs/operations.md).
 *
 * @param <F> the fact journaled
 */
public final class FactJournal<F> implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(250);
    private static final String OPEN = "open.journal";
    private static final String SEALED = ".segment";

    /** One fact as one line of text (no newline), and back; a line that does not parse was never acknowledged. */
    public interface Codec<F> {
        String write(F fact);

        Optional<F> read(String line);
    }

    /** Where segments go: each in one transaction with its claim; a segment claimed before is skipped. */
    public interface Store<F> {
        void record(String segment, List<F> facts);

        /** Drops the claim once the segment's file is gone. */
        void forget(String segment);
    }

    private final Path dir;
    private final Codec<F> codec;
    private final Store<F> store;
    private final Consumer<RuntimeException> failures;
    private final ReentrantLock lock = new ReentrantLock();
    private final Pacer pacer = new Pacer();
    private final Thread drainer;
    private FileChannel open;

    /** @param name the drain thread's name, which says in a thread dump which facts it writes */
    public FactJournal(Path dir, String name, Codec<F> codec, Store<F> store, Consumer<RuntimeException> failures) {
        this.dir = dir;
        this.codec = codec;
        this.store = store;
        this.failures = failures;
        this.drainer = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    /** Drains what a previous run left (a crash's journal too), then opens a new journal and starts draining. */
    public FactJournal<F> start() {
        try {
            Files.createDirectories(dir);
            seal();
            drainSealed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal at " + dir, e);
        }
        drainer.start();
        return this;
    }

    /** Returns once the fact is in the journal. */
    public void add(F fact) {
        ByteBuffer line = ByteBuffer.wrap((codec.write(fact) + "\n").getBytes(StandardCharsets.UTF_8));
        lock.lock();
        try {
            if (open == null) {
                throw new IllegalStateException("the journal at " + dir + " is closed: the fact was not recorded");
            }
            while (line.hasRemaining()) {
                open.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the fact could not be journaled", e);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (pacer.running()) {
            pacer.pause(PERIOD);
            try {
                seal();
                drainSealed();
            } catch (IOException e) {
                failures.accept(new UncheckedIOException(e));
                pacer.pause(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                failures.accept(e);
                pacer.pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Closes the open journal as a segment (when it holds anything) and, unless stopping, opens a new one. */
    private void seal() throws IOException {
        lock.lock();
        try {
            if (open != null && open.size() == 0) {
                return;
            }
            reopen(true);
        } finally {
            lock.unlock();
        }
    }

    private void reopen(boolean again) throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
        Path current = dir.resolve(OPEN);
        if (Files.exists(current)) {
            Files.move(current, dir.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + SEALED), StandardCopyOption.ATOMIC_MOVE);
        }
        if (again) {
            open = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private void drainSealed() throws IOException {
        List<Path> sealed;
        try (Stream<Path> files = Files.list(dir)) {
            sealed = files.filter(f -> f.getFileName().toString().endsWith(SEALED)).sorted().toList();
        }
        for (Path segment : sealed) {
            List<F> facts = new ArrayList<>();
            for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                codec.read(line).ifPresent(facts::add);
            }
            String name = segment.getFileName().toString();
            String id = name.substring(0, name.length() - SEALED.length());
            if (!facts.isEmpty()) {
                store.record(id, facts);
            }
            Files.delete(segment);
            if (!facts.isEmpty()) {
                store.forget(id);
            }
        }
    }

    /** Stops taking facts and writes every one taken to the store. */
    @Override
    public void close() {
        pacer.stop();
        Pacer.join(drainer, Duration.ofSeconds(10));
        lock.lock();
        try {
            if (open == null) {
                return; // never started (a node built but not started, as benchmarks use it), or closed already
            }
            reopen(false);
            drainSealed();
        } catch (IOException e) {
            throw new UncheckedIOException("the journal at " + dir + " is left to drain at the next start", e);
        } finally {
            lock.unlock();
        }
    }
}
