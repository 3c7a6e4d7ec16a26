package ponte.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The log writer's queue, sampled every 50 ms through the measured part of a phase. */
final class QueueSampler {
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    QueueSampler(Node node, Load.Phases phases) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(phases.warmUp());
                long end = System.nanoTime() + phases.measure().toNanos();
                while (System.nanoTime() < end) {
                    sum.addAndGet(node.ponte.logQueueDepth());
                    samples.incrementAndGet();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    double mean() {
        return samples.get() == 0 ? Double.NaN : (double) sum.get() / samples.get();
    }
}
