package ponte.core.licensing;

/**
 * Sets of partner numbers as the words of a bit set, sized once to the partner count: routing marks thousands of
 * partners per version, and {@link java.util.BitSet} re-checks its size and length on every {@code set}
 * (11.6 % of routing's CPU at 1M licences, docs/benchmarks.md).
 */
final class Bits {
    private Bits() {
    }

    static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    static boolean get(long[] words, int bit) {
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    static void set(long[] words, int bit) {
        words[bit >>> 6] |= 1L << bit;
    }

    /** Adds {@code more} (no longer than {@code words}) to {@code words}. */
    static void or(long[] words, long[] more) {
        for (int w = 0; w < more.length; w++) {
            words[w] |= more[w];
        }
    }
}
