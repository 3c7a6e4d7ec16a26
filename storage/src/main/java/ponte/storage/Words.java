package ponte.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small immutable lists (product ids, country codes, language ranges) stored as space-separated words. */
final class Words {
    private Words() {}

    static <T> String join(Collection<T> values, Function<T, String> wire) {
        return values.stream().map(wire).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    static <T> Set<T> split(String words, Function<String, T> parse) {
        if (words == null || words.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(words.trim().split(" +")).map(parse).collect(Collectors.toUnmodifiableSet());
    }
}
