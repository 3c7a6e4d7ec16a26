package ponte.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's scripts and styles, bundled in the jar (WebJars and our own resources), read once: the UI works with no
 * network beyond the node. Scripts come only from here, which is what the Content-Security-Policy allows.
 */
final class Assets {
    record Asset(byte[] bytes, String contentType) {}

    // The WebJars' versions are the pom's: a new version is a new path here too.
    private static final Map<String, String[]> FILES = Map.of(
            "htmx.min.js", new String[] {"/META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js", "text/javascript; charset=utf-8"},
            "sse.js", new String[] {"/META-INF/resources/webjars/htmx-ext-sse/2.2.2/sse.js", "text/javascript; charset=utf-8"},
            "ponte.css", new String[] {"/ponte/web/assets/ponte.css", "text/css; charset=utf-8"},
            "ponte.js", new String[] {"/ponte/web/assets/ponte.js", "text/javascript; charset=utf-8"});

    private final Map<String, Asset> loaded;

    Assets() {
        java.util.HashMap<String, Asset> all = new java.util.HashMap<>();
        FILES.forEach((name, file) -> all.put(name, new Asset(read(file[0]), file[1])));
        loaded = Map.copyOf(all);
    }

    Optional<Asset> named(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
