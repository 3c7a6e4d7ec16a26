package ponte.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The loop of a single writer thread that commits whatever is waiting together: it takes the first queued request,
 * every other one already queued (up to {@code max}), and hands them to {@code commit} as one group. Keeps going
 * until told to stop and the queue is empty.
 */
final class GroupCommit {
    private GroupCommit() {}

    static <T> void run(BlockingQueue<T> queue, int max, BooleanSupplier running, Consumer<List<T>> commit) {
        List<T> group = new ArrayList<>(max);
        while (running.getAsBoolean() || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, max - 1);
                commit.accept(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }
}
