package ponte.translation;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import ponte.core.Invalid;
import ponte.core.translation.MachineTranslation;
import ponte.outbound.AddressGuard;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any server speaking LibreTranslate's HTTP API (its documented {@code POST /translate} with {@code q}, {@code source},
 * {@code target}, {@code format} and an optional {@code api_key}, answering {@code translatedText}; {@code GET /languages}
 * listing each source language with its {@code targets}). The operator names it ({@code --mt-url}, {@code --mt-key});
 * requests go through the SSRF guard's client like every other request Ponte makes to a url. LibreTranslate's engine
 * (Argos Translate) is a trained neural model, so what it makes is labelled {@code trainedAlgorithmicMedia}.
 */
public final class LibreTranslate implements MachineTranslation, AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI url;
    private final Optional<String> key;
    private final Duration timeout;
    private final Engine engine;

    public LibreTranslate(AddressGuard guard, URI url, Optional<String> key, Duration timeout) {
        this.client = guard.client("ponte-translation", c -> c.setConnectTimeout(timeout.toMillis()));
        this.url = url;
        this.key = key;
        this.timeout = timeout;
        this.engine = new Engine("LibreTranslate at " + url.getHost(), Engine.TRAINED_ALGORITHMIC);
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public boolean translates(String from, String to) {
        JsonNode languages = call(HttpMethod.GET, "/languages", null);
        for (JsonNode language : languages) {
            if (language.path("code").asString("").equals(code(from))) {
                for (JsonNode target : language.path("targets")) {
                    if (target.asString("").equals(code(to))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public String translate(String text, boolean html, String from, String to) {
        ObjectNode request = JSON.createObjectNode().put("q", text).put("source", code(from)).put("target", code(to))
                .put("format", html ? "html" : "text");
        key.ifPresent(k -> request.put("api_key", k));
        JsonNode answer = call(HttpMethod.POST, "/translate", request);
        JsonNode translated = answer.get("translatedText");
        if (translated == null || !translated.isString()) {
            throw new Unavailable("the translation server's answer has no translatedText");
        }
        return translated.asString();
    }

    /** LibreTranslate names languages by their primary subtag ("zh-Hans" → "zh"). */
    static String code(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }

    private JsonNode call(HttpMethod method, String path, JsonNode body) {
        ContentResponse response;
        try {
            var request = client.newRequest(url.resolve(url.getPath().endsWith("/") ? path.substring(1) : url.getPath() + path))
                    .method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).headers(h -> h.put("Accept", "application/json"));
            if (body != null) {
                request.body(new StringRequestContent("application/json", JSON.writeValueAsString(body)));
            }
            response = request.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling the translation server");
        } catch (Exception e) {
            throw new Unavailable("the translation server could not be reached: " + e.getMessage());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.getContentAsString());
        } catch (RuntimeException e) {
            throw new Unavailable("the translation server answered " + response.getStatus() + " with no JSON");
        }
        if (response.getStatus() == 400) {
            throw new Invalid("/language", "the translation server refused: " + answer.path("error").asString("bad request"));
        }
        if (response.getStatus() != 200) {
            throw new Unavailable("the translation server answered " + response.getStatus() + ": " + answer.path("error").asString(""));
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
