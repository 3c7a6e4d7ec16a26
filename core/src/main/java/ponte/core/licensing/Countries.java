package ponte.core.licensing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Territories;

/** Sets of ISO 3166-1 countries as bitsets: a bit per code of {@link CountryCode#all()}, in sorted order. */
final class Countries {
    private static final List<String> CODES = CountryCode.all().stream().sorted().toList();
    private static final Map<String, Integer> INDEX = new HashMap<>();
    static final int WORDS = (CODES.size() + 63) / 64;
    private static final long[] EVERYWHERE = new long[WORDS];

    static {
        for (int i = 0; i < CODES.size(); i++) {
            INDEX.put(CODES.get(i), i);
            EVERYWHERE[i >>> 6] |= 1L << i;
        }
    }

    private Countries() {}

    /** The countries these territories allow: all of them or the include list, minus the exclusions. Read-only. */
    static long[] allowedBy(Territories territories) {
        if (territories.everywhere() && territories.exclude().isEmpty()) {
            return EVERYWHERE; // most items are cleared worldwide; callers only read the set
        }
        long[] set = territories.everywhere() ? EVERYWHERE.clone() : new long[WORDS];
        if (!territories.everywhere()) {
            territories.include().forEach(c -> add(set, 0, c));
        }
        territories.exclude().forEach(c -> remove(set, c));
        return set;
    }

    /** The countries both sets hold, as a new set. */
    static long[] both(long[] a, long[] b) {
        long[] out = new long[WORDS];
        for (int w = 0; w < WORDS; w++) {
            out[w] = a[w] & b[w];
        }
        return out;
    }

    /** Adds the country to the set-th set of WORDS longs in the array. */
    static void add(long[] sets, int set, CountryCode country) {
        int bit = INDEX.get(country.value());
        sets[set * WORDS + (bit >>> 6)] |= 1L << bit;
    }

    private static void remove(long[] set, CountryCode country) {
        int bit = INDEX.get(country.value());
        set[bit >>> 6] &= ~(1L << bit);
    }

    static boolean isEverywhere(long[] set) {
        return Arrays.equals(set, EVERYWHERE);
    }

    static boolean any(long[] sets, int set) {
        for (int w = 0; w < WORDS; w++) {
            if (sets[set * WORDS + w] != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean intersects(long[] sets, int set, long[] other) {
        for (int w = 0; w < WORDS; w++) {
            if ((sets[set * WORDS + w] & other[w]) != 0) {
                return true;
            }
        }
        return false;
    }
}
