package ponte.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The UI's routes: method, path template ("/app/items/{id}"), whether a session is needed, and the handler. */
public final class Pages {
    record Route(String method, String template, Pattern pattern, List<String> names, boolean signedIn, PageHandler handler) {}

    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();
    /** Routes without parameters, by method and path: most requests are found here without trying a pattern. */
    private final Map<String, Route> exact = new HashMap<>();

    /** A page for signed-in people only: others are sent to sign in. */
    public Pages get(String template, PageHandler handler) {
        return add("GET", template, true, handler);
    }

    public Pages post(String template, PageHandler handler) {
        return add("POST", template, true, handler);
    }

    /** A page anyone may open (sign-in, the one-time links). */
    public Pages open(String method, String template, PageHandler handler) {
        return add(method, template, false, handler);
    }

    private Pages add(String method, String template, boolean signedIn, PageHandler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Route route = new Route(method, template, Pattern.compile(regex.toString()), names, signedIn, handler);
        routes.add(route);
        if (names.isEmpty()) {
            exact.put(method + " " + template, route);
        }
        return this;
    }

    Optional<Match> find(String method, String path) {
        Route fixed = exact.get(method + " " + path);
        if (fixed != null) {
            return Optional.of(new Match(fixed, Map.of()));
        }
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (r.method().equals(method) && m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < r.names().size(); i++) {
                    params.put(r.names().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(r, params));
            }
        }
        return Optional.empty();
    }

    boolean anyAt(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }

    /** Every route, for tests that visit each page. */
    public List<String> templates(String method) {
        return routes.stream().filter(r -> r.method().equals(method)).map(Route::template).toList();
    }
}
