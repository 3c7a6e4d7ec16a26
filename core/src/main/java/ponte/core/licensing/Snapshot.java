package ponte.core.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;

/**
 * What {@link Entitlements} judges with: one {@link RoutingIndex} of the whole network as it was read at some moment,
 * and for the partitions (licensees by hash) that changed since, an index of each built from newer reads. The whole
 * index skips the partners those partitions judge, so routing scans one index plus a few small ones rather than many
 * partitions' shelves, and a change rebuilds only its licensees' partitions (~1/64 of the licences each). Questions
 * about one partner go to the one index that holds it. Immutable.
 */
final class Snapshot {
    /** About 16,000 licences a partition at 1M licences: one partition rebuilds in tens of milliseconds. */
    static final int PARTITIONS = 64;

    private final int partitionCount;
    private final RoutingIndex whole;
    /** The index of each partition that changed since the whole index was read; null where the whole one judges. */
    private final RoutingIndex[] partitions;
    /** The same, without the nulls, for routing's scan. */
    private final RoutingIndex[] changed;
    /** The whole index's partner numbers that a partition's index judges instead ({@link Bits}). */
    private final long[] skipped;
    private final Map<OrgId, Set<CountryCode>> territories;
    private final Map<OrgId, List<Network.Dormant>> dormant;
    private final Map<ItemId, ProjectTerritories> coproduced;
    final long number;

    private Snapshot(int partitionCount, RoutingIndex whole, RoutingIndex[] partitions, Map<OrgId, Set<CountryCode>> territories,
                     Map<OrgId, List<Network.Dormant>> dormant, Map<ItemId, ProjectTerritories> coproduced, long number) {
        this.partitionCount = partitionCount;
        this.whole = whole;
        this.partitions = partitions;
        this.changed = java.util.Arrays.stream(partitions).filter(java.util.Objects::nonNull).toArray(RoutingIndex[]::new);
        this.skipped = changed.length == 0 ? RoutingIndex.NO_ONE : whole.partnersWhere(org -> partitions[partitionOf(org)] != null);
        this.territories = territories;
        this.dormant = dormant;
        this.coproduced = coproduced;
        this.number = number;
    }

    /** The whole network in one index. */
    static Snapshot of(Network network, int partitionCount, long number) {
        Function<ItemId, Optional<ProjectTerritories>> coproduction = lookup(network.coproduced());
        RoutingIndex whole = new RoutingIndex(network.licences()).withTerritories(network::territoriesOf, coproduction);
        Map<OrgId, List<Network.Dormant>> dormant = new HashMap<>();
        for (Network.Dormant d : network.dormant()) {
            dormant.computeIfAbsent(d.licence().licensee(), org -> new ArrayList<>()).add(d);
        }
        return new Snapshot(partitionCount, whole, new RoutingIndex[partitionCount], network.territories(), dormant,
                network.coproduced(), number);
    }

    /**
     * This snapshot with what a change to these orgs altered, as {@code part} reads it ({@link NetworkSource#concerning}):
     * their licences and territories, so their partitions are rebuilt, and every co-production's party territories.
     */
    Snapshot with(Set<OrgId> orgs, Network part, long number) {
        Map<OrgId, Set<CountryCode>> where = new HashMap<>(territories);
        Map<OrgId, List<Network.Dormant>> asleep = new HashMap<>(dormant);
        for (OrgId org : orgs) {
            where.remove(org);
            asleep.remove(org);
            Set<CountryCode> own = part.territoriesOf(org);
            if (!own.isEmpty()) {
                where.put(org, own);
            }
        }
        for (Network.Dormant d : part.dormant()) {
            if (orgs.contains(d.licence().licensee())) {
                asleep.computeIfAbsent(d.licence().licensee(), org -> new ArrayList<>()).add(d);
            }
        }
        Function<ItemId, Optional<ProjectTerritories>> coproduction = lookup(part.coproduced());
        boolean sameCoproductions = part.coproduced().equals(coproduced);
        RoutingIndex[] next = new RoutingIndex[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            next[p] = partitions[p] == null || sameCoproductions ? partitions[p] : partitions[p].withCoproduced(coproduction);
        }
        // Only the partitions of orgs that hold a licence, before or after: an agency licensing to others is no licensee.
        Set<OrgId> licensees = new java.util.HashSet<>();
        part.licences().forEach(licence -> licensees.add(licence.licensee()));
        BitSet touched = new BitSet(partitionCount);
        for (OrgId org : orgs) {
            if (licensees.contains(org) || indexOf(org).ordinalOf(org) >= 0) {
                touched.set(partitionOf(org));
            }
        }
        for (int p = touched.nextSetBit(0); p >= 0; p = touched.nextSetBit(p + 1)) {
            int partition = p;
            List<Licence> licences = new ArrayList<>(indexOf(p).licencesTo(org -> partitionOf(org) == partition && !orgs.contains(org)));
            for (Licence licence : part.licences()) {
                if (orgs.contains(licence.licensee()) && partitionOf(licence.licensee()) == p) {
                    licences.add(licence);
                }
            }
            next[p] = new RoutingIndex(licences).withTerritories(org -> where.getOrDefault(org, Set.of()), coproduction);
        }
        RoutingIndex all = sameCoproductions ? whole : whole.withCoproduced(coproduction);
        return new Snapshot(partitionCount, all, next, where, asleep, part.coproduced(), number);
    }

    /**
     * This snapshot (read whole) with the partitions marked in {@code keep}, and the co-productions if {@code
     * keepCoproductions}, taken from {@code newer}: what changed after this one's whole read began.
     */
    Snapshot keeping(Snapshot newer, BitSet keep, boolean keepCoproductions, long number) {
        Map<ItemId, ProjectTerritories> projects = keepCoproductions ? newer.coproduced : coproduced;
        Function<ItemId, Optional<ProjectTerritories>> coproduction = lookup(projects);
        RoutingIndex all = projects.equals(coproduced) ? whole : whole.withCoproduced(coproduction);
        RoutingIndex[] next = new RoutingIndex[partitionCount];
        Map<OrgId, Set<CountryCode>> where = new HashMap<>(territories);
        Map<OrgId, List<Network.Dormant>> asleep = new HashMap<>(dormant);
        where.keySet().removeIf(org -> keep.get(partitionOf(org)));
        asleep.keySet().removeIf(org -> keep.get(partitionOf(org)));
        newer.territories.forEach((org, own) -> {
            if (keep.get(partitionOf(org))) {
                where.put(org, own);
            }
        });
        newer.dormant.forEach((org, asleepTo) -> {
            if (keep.get(partitionOf(org))) {
                asleep.put(org, asleepTo);
            }
        });
        for (int p = keep.nextSetBit(0); p >= 0; p = keep.nextSetBit(p + 1)) {
            RoutingIndex kept = newer.indexOf(p);
            next[p] = projects.equals(newer.coproduced) ? kept : kept.withCoproduced(coproduction);
            if (newer.partitions[p] == null) { // judged by newer's whole index: take just this partition's licences
                int partition = p;
                next[p] = new RoutingIndex(kept.licencesTo(org -> partitionOf(org) == partition))
                        .withTerritories(org -> where.getOrDefault(org, Set.of()), coproduction);
            }
        }
        return new Snapshot(partitionCount, all, next, where, asleep, projects, number);
    }

    /** How many partitions have an index of their own (routing scans each of them besides the whole one). */
    int changedPartitions() {
        return changed.length;
    }

    int partitionOf(OrgId org) {
        int h = org.hashCode();
        return Math.floorMod(h ^ (h >>> 16), partitionCount);
    }

    /** The index that judges this partner. */
    RoutingIndex indexOf(OrgId partner) {
        return indexOf(partitionOf(partner));
    }

    private RoutingIndex indexOf(int partition) {
        RoutingIndex own = partitions[partition];
        return own == null ? whole : own;
    }

    /** Every partner entitled to this version now, each once, as its first receipt ("published"). */
    List<Route> entitled(Item item, Version version, Instant now) {
        int most = whole.mostEntitled(item, version);
        for (RoutingIndex index : changed) {
            most += index.mostEntitled(item, version);
        }
        List<Route> out = new ArrayList<>(most);
        whole.entitled(item, version, now, skipped, out);
        for (RoutingIndex index : changed) {
            index.entitled(item, version, now, RoutingIndex.NO_ONE, out);
        }
        return out;
    }

    Optional<Instant> nextRelease(Item item, Version version, Instant now) {
        Instant earliest = whole.nextRelease(item, version, now, skipped, null);
        for (RoutingIndex index : changed) {
            earliest = index.nextRelease(item, version, now, RoutingIndex.NO_ONE, earliest);
        }
        return Optional.ofNullable(earliest);
    }

    Set<CountryCode> territoriesOf(OrgId org) {
        return territories.getOrDefault(org, Set.of());
    }

    List<Network.Dormant> dormantTo(OrgId licensee) {
        return dormant.getOrDefault(licensee, List.of());
    }

    Optional<ProjectTerritories> coproduction(ItemId item) {
        return Optional.ofNullable(coproduced.get(item));
    }

    private static Function<ItemId, Optional<ProjectTerritories>> lookup(Map<ItemId, ProjectTerritories> coproduced) {
        return item -> Optional.ofNullable(coproduced.get(item));
    }
}
