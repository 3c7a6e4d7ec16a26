package ponte.core.licensing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.orgs.OrgId;

/**
 * The licensees of a network, numbered in network order so that "already routed" is a bit in a BitSet rather than a
 * hash lookup, with each one's licences by their number in the network.
 */
final class Partners {
    private final OrgId[] orgs;
    private final Map<OrgId, Integer> ordinal;
    private final int[] ofLicence;
    private final int[][] licences;
    /** Each partner's first receipt of a version, made once: an item reaches thousands of partners, most for the first time. */
    private final Route[] firstReceipts;

    /** Numbered in a first pass, each one's licences counted, then filed into arrays of that size: one box per partner, none per licence. */
    Partners(Licence[] network) {
        this.ordinal = new HashMap<>();
        this.ofLicence = new int[network.length];
        List<OrgId> numbered = new ArrayList<>();
        int[] counts = new int[16];
        for (int i = 0; i < network.length; i++) {
            OrgId licensee = network[i].licensee();
            Integer known = ordinal.get(licensee);
            int p = known == null ? numbered.size() : known;
            if (known == null) {
                ordinal.put(licensee, p);
                numbered.add(licensee);
                counts = p == counts.length ? Arrays.copyOf(counts, 2 * p) : counts;
            }
            ofLicence[i] = p;
            counts[p]++;
        }
        this.orgs = numbered.toArray(OrgId[]::new);
        this.licences = new int[orgs.length][];
        for (int p = 0; p < orgs.length; p++) {
            licences[p] = new int[counts[p]];
        }
        int[] filled = new int[orgs.length];
        for (int i = 0; i < network.length; i++) {
            int p = ofLicence[i];
            licences[p][filled[p]++] = i;
        }
        this.firstReceipts = new Route[orgs.length];
        for (int p = 0; p < orgs.length; p++) {
            firstReceipts[p] = new Route(orgs[p], Event.PUBLISHED);
        }
    }

    /** The partner's number, or -1 if no licence names it. */
    int ordinalOf(OrgId licensee) {
        Integer partner = ordinal.get(licensee);
        return partner == null ? -1 : partner;
    }

    int size() {
        return orgs.length;
    }

    OrgId org(int partner) {
        return orgs[partner];
    }

    /** The number of the i-th licence's licensee. */
    int ofLicence(int i) {
        return ofLicence[i];
    }

    /** The numbers of the partner's licences, in network order. */
    int[] licencesOf(int partner) {
        return licences[partner];
    }

    /** The partner's route for a first receipt: "published". */
    Route firstReceipt(int partner) {
        return firstReceipts[partner];
    }

    /**
     * The numbers of the item's owners that hold a licence, as the words of a bit set with room for every partner
     * (owners never receive their own item): routing marks each partner it has routed in it, so it never grows.
     */
    long[] owners(Item item) {
        long[] owners = new long[Bits.words(orgs.length)];
        for (OrgId owner : item.owners()) {
            Integer p = ordinal.get(owner);
            if (p != null) {
                Bits.set(owners, p);
            }
        }
        return owners;
    }
}
