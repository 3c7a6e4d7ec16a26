package ponte.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.delivery.EndpointId;

/**
 * Where each endpoint runs and from which node to publish: the node delivering the fewest of them (with one
 * endpoint on two nodes, the one that does not deliver it).
 */
record Placement(Map<Node, Integer> delivering, Node publisher) {
    /** Waits until every endpoint runs on exactly one node, the same after one more lease round (a node's LeaseKeeper renews every 3 s). */
    static Placement await(List<Node> nodes, List<EndpointId> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<Map<Node, Integer>> last = Optional.empty();
        while (true) {
            Optional<Map<Node, Integer>> now = now(nodes, ids);
            if (now.isPresent() && now.equals(last)) {
                Node publisher = nodes.stream().min(Comparator.comparing(now.get()::get)).orElseThrow();
                return new Placement(now.get(), publisher);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("endpoints not each on exactly one node after 60 s: " + now);
            }
            last = now;
            Thread.sleep(nodes.size() == 1 ? 10 : 3_500);
        }
    }

    /** How many of the endpoints each node runs, if each runs on exactly one. */
    static Optional<Map<Node, Integer>> now(List<Node> nodes, List<EndpointId> ids) {
        Map<Node, Set<EndpointId>> running = nodes.stream().collect(Collectors.toMap(n -> n, n -> n.ponte.delivering()));
        boolean once = ids.stream().allMatch(id -> running.values().stream().filter(r -> r.contains(id)).count() == 1);
        return once ? Optional.of(nodes.stream().collect(Collectors.toMap(n -> n, n -> (int) ids.stream().filter(running.get(n)::contains).count())))
                : Optional.empty();
    }

    List<Node> deliverers() {
        return delivering.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }

    /** The tails the hand-off is timed on (the first of them counts): the delivering nodes'. */
    List<Node> handOff(boolean tailsShared) {
        return tailsShared ? deliverers() : List.of(publisher); // without Kafka only the publishing node's tail hears of the entry
    }
}
