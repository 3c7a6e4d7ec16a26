package ponte.bench;

import java.util.Arrays;

/** Latencies in nanoseconds. */
final class Latencies {
    private long[] values = new long[1024];
    private int count;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    int count() {
        return count;
    }

    /** In milliseconds, nearest rank. */
    double percentile(double p) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }
}
