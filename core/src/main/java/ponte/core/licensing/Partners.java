package ponte.core.licensing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    Partners(Licence[] network) {
        Map<OrgId, List<Integer>> byLicensee = new LinkedHashMap<>();
        for (int i = 0; i < network.length; i++) {
            byLicensee.computeIfAbsent(network[i].licensee(), org -> new ArrayList<>()).add(i);
        }
        this.orgs = byLicensee.keySet().toArray(OrgId[]::new);
        this.ordinal = new HashMap<>();
        this.ofLicence = new int[network.length];
        this.licences = new int[orgs.length][];
        for (int p = 0; p < orgs.length; p++) {
            ordinal.put(orgs[p], p);
            licences[p] = byLicensee.get(orgs[p]).stream().mapToInt(Integer::intValue).toArray();
            for (int i : licences[p]) {
                ofLicence[i] = p;
            }
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
