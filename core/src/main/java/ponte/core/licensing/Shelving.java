package ponte.core.licensing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * Which shelves a network's licences go on: each (licensor, product, language range) a licence covers, with the
 * numbers of its licences in network order. Counted in a first pass and filled into int arrays of that size in a
 * second, so filing boxes nothing: one agreement's refresh re-files a partition's ~16,000 licences, and filing them
 * through hash maps of lists of boxed ints was 45 % of its CPU at 1M licences (docs/benchmarks.md).
 */
final class Shelving {
    /** A licence that names no language covers every item, even one without a language; so it gets its own key. */
    static final String EVERY_LANGUAGE = null;

    record ShelfKey(OrgId licensor, ProductId product, String range) {}

    private final Map<ShelfKey, Integer> numbers = new HashMap<>();
    private final List<ShelfKey> keys = new ArrayList<>();
    private int[] counts = new int[64];
    /** Each licence's shelf numbers, one after another; {@code firstOf[i]} is where licence i's begin. */
    private int[] shelvesOfLicences;
    private int filedSoFar;

    private Shelving(int licences) {
        shelvesOfLicences = new int[Math.max(16, licences * 2)];
    }

    /** The licences' numbers by shelf, each shelf's in network order (a licence naming a range twice, twice). */
    static Map<ShelfKey, int[]> of(Licence[] licences) {
        Shelving shelving = new Shelving(licences.length);
        int[] firstOf = new int[licences.length + 1];
        for (int i = 0; i < licences.length; i++) {
            firstOf[i] = shelving.filedSoFar;
            shelving.count(licences[i]);
        }
        firstOf[licences.length] = shelving.filedSoFar;
        return shelving.fill(firstOf);
    }

    private void count(Licence licence) {
        for (ProductId product : licence.products()) {
            if (licence.languages().isEmpty()) {
                count(new ShelfKey(licence.licensor(), product, EVERY_LANGUAGE));
            }
            for (String range : licence.languages()) {
                count(new ShelfKey(licence.licensor(), product, Languages.normalise(range)));
            }
        }
    }

    private void count(ShelfKey key) {
        Integer number = numbers.get(key);
        int shelf = number == null ? newShelf(key) : number;
        if (filedSoFar == shelvesOfLicences.length) {
            shelvesOfLicences = Arrays.copyOf(shelvesOfLicences, filedSoFar * 2);
        }
        shelvesOfLicences[filedSoFar++] = shelf;
        counts[shelf]++;
    }

    private int newShelf(ShelfKey key) {
        int shelf = keys.size();
        numbers.put(key, shelf);
        keys.add(key);
        if (shelf == counts.length) {
            counts = Arrays.copyOf(counts, shelf * 2);
        }
        return shelf;
    }

    private Map<ShelfKey, int[]> fill(int[] firstOf) {
        int[][] shelves = new int[keys.size()][];
        for (int s = 0; s < shelves.length; s++) {
            shelves[s] = new int[counts[s]];
        }
        int[] filled = new int[shelves.length];
        for (int i = 0; i + 1 < firstOf.length; i++) {
            for (int k = firstOf[i]; k < firstOf[i + 1]; k++) {
                int s = shelvesOfLicences[k];
                shelves[s][filled[s]++] = i;
            }
        }
        Map<ShelfKey, int[]> filed = HashMap.newHashMap(shelves.length);
        for (int s = 0; s < shelves.length; s++) {
            filed.put(keys.get(s), shelves[s]);
        }
        return filed;
    }
}
