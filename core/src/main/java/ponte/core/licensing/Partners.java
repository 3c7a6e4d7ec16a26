package ponte.core.licensing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The numbers of the item's owners that hold a licence: owners never receive their own item. */
    BitSet owners(Item item) {
        BitSet owners = new BitSet(orgs.length);
        for (OrgId owner : item.owners()) {
            Integer p = ordinal.get(owner);
            if (p != null) {
                owners.set(p);
            }
        }
        return owners;
    }
}
