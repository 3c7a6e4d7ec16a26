package ponte.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpURI;
import ponte.core.Invalid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one shape every list answers (API.md): {@code {"items":[…],"next":…}}, {@code next} the cursor of the following
 * page or null on the last, and {@code Link: <…>; rel="next"} to that page with the request's other query parameters
 * as sent. Cursor-paged with {@code ?after=&limit=}. The feed alone answers otherwise: its elements are log entries.
 *
 * <p>A page is read one element long: the extra one only says that another page follows, so the last page says so
 * itself rather than leaving an empty page after it.
 */
final class Paging {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String NOT_OURS = "after must be a next cursor from an earlier page of this list";

    /** Up to a page of elements, and the cursor after the last of them when more follow. */
    record Page<T>(List<T> items, Optional<String> next) {}

    private Paging() {}

    /** {@code ?limit=}: from 1 to {@link #MAX_LIMIT}, else 422 at /limit; {@link #DEFAULT_LIMIT} when absent. */
    static int limit(Exchange x) {
        return limit(x, DEFAULT_LIMIT, MAX_LIMIT);
    }

    static int limit(Exchange x, int fallback, int max) {
        int limit = x.intQuery("limit", fallback);
        if (limit < 1 || limit > max) {
            throw new Invalid("/limit", "limit must be between 1 and " + max);
        }
        return limit;
    }

    /** A page of what a store read for {@code limit + 1}: the element past the page only tells that more follow. */
    static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursor) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursor.apply(items.getLast())));
    }

    /**
     * A page of a list held whole, in the order of {@code position}: a string per element that sorts as the list is
     * ordered and names the element's place in it (its id, or {@link #position(Instant, String)}). A cursor is the
     * last position shown, so a page follows on after it even if that element has gone since; nothing is skipped or
     * repeated.
     */
    static <T> Page<T> of(Exchange x, Collection<T> all, Function<T, String> position) {
        int limit = limit(x);
        Optional<String> after = x.query("after").map(Paging::decode);
        List<T> fetched = all.stream().filter(t -> after.isEmpty() || position.apply(t).compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(position)).limit(limit + 1L).toList();
        return of(fetched, limit, t -> encode(position.apply(t)));
    }

    /** Answers 200 with the page: each element as {@code view} writes it. */
    static <T> void send(Exchange x, Page<T> page, Function<T, ? extends JsonNode> view) {
        x.json(200, body(x, page, view));
    }

    /** The page's body, with the Link header set: for a list that answers more beside its items (search's facets). */
    static <T> ObjectNode body(Exchange x, Page<T> page, Function<T, ? extends JsonNode> view) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(t -> items.add(view.apply(t)));
        body.put("next", page.next().orElse(null));
        page.next().ifPresent(next -> x.header("Link", "<" + nextUrl(x, next) + ">; rel=\"next\""));
        return body;
    }

    /** The same request from {@code next} on: its path and every query parameter but {@code after} as sent. */
    static String nextUrl(Exchange x, String next) {
        HttpURI uri = x.request.getHttpURI();
        StringBuilder url = new StringBuilder(uri.getPath()).append('?');
        String query = uri.getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !isAfter(pair)) {
                    url.append(pair).append('&');
                }
            }
        }
        return url.append("after=").append(URLEncoder.encode(next, UTF_8)).toString();
    }

    private static boolean isAfter(String pair) {
        String name = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(name, UTF_8).equals("after");
        } catch (IllegalArgumentException malformed) { // the query was read before, so this does not happen; if it did, keep it
            return false;
        }
    }

    /** A position that sorts by time, then by id: the time in fixed-width microseconds, so text order is time order. */
    static String position(Instant at, String id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return String.format("%016x", micros) + "." + id; // times before 1970 do not occur here: nothing is made then
    }

    /** A position as a cursor: opaque to clients (URL-safe base64), so none is tempted to make one up. */
    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(UTF_8));
    }

    /** A cursor {@link #encode} made, as the position it names; anything else is refused at /after. */
    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Invalid("/after", NOT_OURS);
        }
    }

    /** An integer position (a version number) from a cursor {@link #encode} made of it; anything else at /after. */
    static int decodeNumber(String cursor) {
        try {
            int n = Integer.parseInt(decode(cursor));
            if (n < 0) {
                throw new Invalid("/after", NOT_OURS);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Invalid("/after", NOT_OURS);
        }
    }
}
