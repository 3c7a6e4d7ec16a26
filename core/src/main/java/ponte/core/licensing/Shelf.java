package ponte.core.licensing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Licences of one (licensor, product, language range), as parallel arrays so a scan reads memory in order: the
 * licensee's ordinal, the time ranks and the usable countries ({@link Countries#WORDS} longs per licence).
 */
final class Shelf {
    final int[] partner;
    final int[] from;
    final int[] to;
    final int[] delay;
    private final long[] countries;
    /**
     * The partners with a licence here that is open-ended, undelayed and usable somewhere: each is entitled to any
     * released version cleared everywhere, so routing such a version takes them as a bitset and scans only the rest
     * ({@link #conditional}), about a third of the licences in the benchmark's market. The words of a bit set
     * ({@link Bits}), no longer than the index's partner count.
     */
    final long[] always;
    /** The licences not covered by {@link #always}, by their place on the shelf. */
    final int[] conditional;

    private Shelf(int size, int conditionalSize, int partnerCount) {
        partner = new int[size];
        from = new int[size];
        to = new int[size];
        delay = new int[size];
        countries = new long[size * Countries.WORDS];
        conditional = new int[conditionalSize];
        always = new long[Bits.words(partnerCount)];
    }

    /** The shelf of these licences, leaving out those usable nowhere (they can never grant); empty if none is left. */
    static Optional<Shelf> of(int[] licences, Partners partners, long[] usable, TimeRanks times) {
        int[] kept = new int[licences.length];
        int size = 0;
        int unconditional = 0;
        for (int i : licences) {
            if (Countries.any(usable, i)) {
                kept[size++] = i;
                unconditional += times.unconditional(i) ? 1 : 0;
            }
        }
        if (size == 0) {
            return Optional.empty();
        }
        kept = size == kept.length ? kept : Arrays.copyOf(kept, size);
        Shelf shelf = new Shelf(kept.length, kept.length - unconditional, partners.size());
        for (int j = 0, c = 0; j < kept.length; j++) {
            int i = kept[j];
            shelf.partner[j] = partners.ofLicence(i);
            shelf.from[j] = times.from[i];
            shelf.to[j] = times.to[i];
            shelf.delay[j] = times.delay[i];
            System.arraycopy(usable, i * Countries.WORDS, shelf.countries, j * Countries.WORDS, Countries.WORDS);
            if (times.unconditional(i)) {
                Bits.set(shelf.always, shelf.partner[j]);
            } else {
                shelf.conditional[c++] = j;
            }
        }
        return Optional.of(shelf);
    }

    int size() {
        return partner.length;
    }

    /**
     * Whether the licence is usable somewhere the version's rights allow. Most items are cleared worldwide, and a
     * shelf holds only licences usable somewhere, so then the bitset need not even be read.
     */
    boolean inTerritory(int j, Moment moment) {
        return moment.everywhere() || Countries.intersects(countries, j, moment.rights());
    }

    boolean inTime(int j, Moment moment) {
        return moment.inTime(from[j], to[j], delay[j]);
    }
}
