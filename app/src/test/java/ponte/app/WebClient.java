package ponte.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's HTTP as far as the web UI's rules go, for tests below the level of a real browser: cookies kept by name,
 * redirects not followed (the test looks at each), forms posted url-encoded with the CSRF token of the last page.
 */
final class WebClient {
    record Page(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        List<String> setCookies() {
            return raw.headers().allValues("set-cookie");
        }

        String setCookie(String name) {
            return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse("");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";

    WebClient(String base) {
        this.base = base;
    }

    Page get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** Posts the form with the CSRF token of the last page this client read. */
    Page post(String path, Map<String, String> form, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("_csrf", csrf);
        return postExactly(path, all, headers);
    }

    /** A field sent several times (check boxes, repeated inputs): the values joined by this, split again when posted. */
    static final String REPEAT = "\u0000";

    /** Posts exactly these fields: no CSRF token unless given. */
    Page postExactly(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().flatMap(e -> java.util.Arrays.stream(e.getValue().split(REPEAT, -1))
                .map(v -> enc(e.getKey()) + "=" + enc(v))).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"), headers);
    }

    /** Opens the sign-in page (for its token) and signs in; answers the POST's response. */
    Page signIn(String username, String password) {
        get("/app/sign-in");
        return post("/app/sign-in", Map.of("username", username, "password", password));
    }

    String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    void cookie(String name, String value) {
        cookies.put(name, value);
    }

    private Page send(HttpRequest.Builder request, String... headers) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
