package ponte.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * What exists on the node under test, by kind (org, product, item, agreement, endpoint, source, cursor), growing as
 * requests create things. Values are drawn when a try is generated, so later tries reach what earlier ones made.
 */
final class KnownIds {
    private final Map<String, List<String>> byKind = new ConcurrentHashMap<>();

    void add(String kind, String id) {
        List<String> ids = byKind.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    List<String> all(String kind) {
        return List.copyOf(byKind.getOrDefault(kind, List.of()));
    }

    /** One of the known ids of this kind, chosen as each try is generated; a never-issued one while none is known. */
    Arbitrary<String> any(String kind) {
        return Arbitraries.randomValue(random -> {
            List<String> ids = byKind.getOrDefault(kind, List.of());
            return ids.isEmpty() ? "none-" + kind : ids.get(random.nextInt(ids.size()));
        });
    }

    /** The kind of id a member, parameter or path segment of this name holds, if the network keeps such ids. */
    static Optional<String> kindOf(String name) {
        return Optional.ofNullable(switch (name) {
            case "org", "party", "licensor", "licensee", "partner" -> "org";
            case "product" -> "product";
            case "translationOf" -> "item";
            case "after", "entry", "cursor" -> "cursor";
            default -> null;
        });
    }
}
