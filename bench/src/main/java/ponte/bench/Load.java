package ponte.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} workers on virtual threads, each sending its next call as soon as the last
 * one answered. Closed loop is what a partner's poller or an editor's desk does, and it keeps the load on this small
 * machine from outrunning the server (an open loop would measure the queue instead). Prints progress every second.
 */
final class Load {
    /** One call of a worker; returns the bytes it received. Throw to count an error. */
    interface Call {
        long call() throws Exception;
    }

    /** Latencies in milliseconds. */
    record Latency(double p50, double p99) {}

    /**
     * @param cores CPU time of the whole process (server, reference and client alike) per second of the measurement:
     *              on two cores, near 2 means the machine, not the code under test, set the pace
     */
    record Result(String name, int concurrency, long calls, double seconds, long bytes, Latency latency, double cores, long errors, String firstError) {
        double perSecond() {
            return calls / seconds;
        }

        long bytesPerCall() {
            return calls == 0 ? 0 : bytes / calls;
        }
    }

    record Phases(Duration warmUp, Duration measure) {
        /** From -Dbench.warmup and -Dbench.seconds (whole seconds), so run.sh can trade precision for time. */
        static Phases fromSystemProperties(int warmUp, int measure) {
            return new Phases(Duration.ofSeconds(Integer.getInteger("bench.warmup", warmUp)),
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", measure)));
        }
    }

    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Load() {}

    static Result run(String name, int concurrency, Phases phases, IntFunction<Call> workerCalls) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Worker[] workers = new Worker[concurrency];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(workerCalls.apply(i), done, errors, firstError);
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(workers[i]));
        }
        long start = System.nanoTime();
        progress(name, concurrency, "warm-up", phases.warmUp(), start, done, errors);
        for (Worker w : workers) {
            w.measuring = true;
        }
        long measureStart = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        progress(name, concurrency, "measure", phases.measure(), start, done, errors);
        for (Worker w : workers) {
            w.measuring = false;
            w.running = false;
        }
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        double cores = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9 / seconds;
        for (Thread t : threads) {
            t.join();
        }
        long calls = Arrays.stream(workers).mapToLong(w -> w.count).sum();
        long bytes = Arrays.stream(workers).mapToLong(w -> w.bytes).sum();
        long[] all = merge(workers);
        return new Result(name, concurrency, calls, seconds, bytes, latency(all), cores, errors.get(), firstError.get() == null ? "" : firstError.get());
    }

    private static void progress(String name, int concurrency, String phase, Duration length, long start, AtomicLong done, AtomicLong errors)
            throws InterruptedException {
        if (length.isZero()) {
            return;
        }
        long phaseStart = System.nanoTime();
        long last = done.get();
        // One line per whole second, and a last one for a fraction left over.
        for (long tick = 1_000_000_000L; ; tick += 1_000_000_000L) {
            long until = Math.min(tick, length.toNanos());
            long wait = phaseStart + until - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            long now = done.get();
            System.out.printf(Locale.ROOT, "  %-22s c=%-3d %-7s t=%4.1fs %8d calls/s  errors %d%n",
                    name, concurrency, phase, (System.nanoTime() - start) / 1e9, Math.round((now - last) * 1e9 / (until - tick + 1_000_000_000L)), errors.get());
            last = now;
            if (until == length.toNanos()) {
                return;
            }
        }
    }

    private static long[] merge(Worker[] workers) {
        long[] all = new long[Arrays.stream(workers).mapToInt(w -> w.samples).sum()];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.nanos, 0, all, at, w.samples);
            at += w.samples;
        }
        Arrays.sort(all);
        return all;
    }

    private static Latency latency(long[] sorted) {
        if (sorted.length == 0) {
            return new Latency(Double.NaN, Double.NaN);
        }
        return new Latency(millis(sorted, 0.50), millis(sorted, 0.99));
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    /** Keeps its own samples so workers never contend on a shared histogram. */
    private static final class Worker implements Runnable {
        private final Call call;
        private final AtomicLong done;
        private final AtomicLong errors;
        private final AtomicReference<String> firstError;
        volatile boolean running = true;
        volatile boolean measuring;
        long[] nanos = new long[4096];
        int samples;
        long count;
        long bytes;

        Worker(Call call, AtomicLong done, AtomicLong errors, AtomicReference<String> firstError) {
            this.call = call;
            this.done = done;
            this.errors = errors;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            while (running) {
                long t0 = System.nanoTime();
                long received;
                try {
                    received = call.call();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                    continue;
                }
                long elapsed = System.nanoTime() - t0;
                done.incrementAndGet();
                if (measuring) {
                    record(elapsed, received);
                }
            }
        }

        private void record(long elapsed, long received) {
            if (samples == nanos.length) {
                nanos = Arrays.copyOf(nanos, samples * 2);
            }
            nanos[samples++] = elapsed;
            count++;
            bytes += received;
        }
    }
}
