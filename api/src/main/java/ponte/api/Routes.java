package ponte.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.util.URIUtil;

/** Method and path templates ("/v1/items/{id}") to handlers. A handful of routes: a list beats a framework. */
public final class Routes {
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    /**
     * A handler that streams its request body (an upload of gigabytes): nothing before it may read the body into
     * memory, so an Idempotency-Key fingerprints its declared length, type and digest instead of its bytes.
     */
    record Streaming(Handler inner) implements Handler {
        @Override
        public void handle(Exchange exchange) throws Exception {
            inner.handle(exchange);
        }
    }

    record Match(Handler handler, Map<String, String> params) {}

    private record Entry(HttpApi.Route route, String[] segments, Handler handler) {
        String method() {
            return route.method();
        }
    }

    private final List<Entry> routes = new ArrayList<>();
    /**
     * The routes by their number of segments, each list in the order added: only a template as long as the path can
     * match it, so a request compares its path with a few templates instead of all (routing showed in the feed's profile).
     */
    private final Map<Integer, List<Entry>> byLength = new HashMap<>();
    /**
     * "GET /v1/feed" to its match, for a template without parameters that no template added before it also matches:
     * the hot read paths are found by one lookup of the path as sent.
     */
    private final Map<String, Match> literal = new HashMap<>();

    Routes() {}

    Routes add(String method, String template, Handler handler) {
        Entry entry = new Entry(new HttpApi.Route(method, template), split(template), handler);
        List<Entry> sameLength = byLength.computeIfAbsent(entry.segments().length, n -> new ArrayList<>());
        boolean shadowed = sameLength.stream().anyMatch(earlier -> earlier.method().equals(method) && match(earlier.segments(), entry.segments()) != null);
        if (!template.contains("{") && !shadowed) {
            literal.put(method + " " + template, new Match(handler, Map.of()));
        }
        routes.add(entry);
        sameLength.add(entry);
        return this;
    }

    /** Every route added, in the order added. */
    List<HttpApi.Route> all() {
        return routes.stream().map(Entry::route).toList();
    }

    /** The matching handler; empty with {@code allowed} filled when the path exists under other methods. */
    Optional<Match> find(String method, String path, Set<String> allowed) {
        Match exact = literal.get(method + " " + path); // (a HEAD, answered by GET routes, takes the long way)
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] segments = split(path);
        List<Entry> candidates = byLength.getOrDefault(segments.length, List.of());
        for (Entry route : candidates) {
            if (!route.method().equals(method) && !(method.equals("HEAD") && route.method().equals("GET"))) {
                continue;
            }
            Map<String, String> params = match(route.segments(), segments);
            if (params != null) {
                return Optional.of(new Match(route.handler(), params));
            }
        }
        for (Entry route : candidates) { // only when nothing matched: which methods the path has, for 405's Allow
            if (match(route.segments(), segments) != null) {
                allowed.add(route.method());
            }
        }
        return Optional.empty();
    }

    Set<String> newAllowed() {
        return new LinkedHashSet<>();
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        for (int i = 0; i < template.length; i++) { // literal segments first: most routes fail here, without allocating
            String t = template[i];
            boolean parameter = t.startsWith("{") && t.endsWith("}");
            if (parameter ? path[i].isEmpty() : !t.equals(path[i])) {
                return null;
            }
        }
        Map<String, String> params = Map.of();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(t.substring(1, t.length() - 1), decoded(path[i]));
            }
        }
        return params;
    }

    /**
     * A segment of Jetty's canonical path, which keeps some characters percent-encoded (a space as %20), decoded once
     * as a path is (RFC 3986: a '+' is a plus, not the space of a form); a segment that is not UTF-8 names nothing.
     */
    private static String decoded(String segment) {
        try {
            return URIUtil.decodePath(segment);
        } catch (IllegalArgumentException notUtf8) {
            return "";
        }
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
