package ponte.api;

import java.io.IOException;
import java.io.InputStream;

/** The OpenAPI document and its human-readable rendering. */
public final class SystemResource implements Resource {
    private final byte[] openapi = resource("openapi.json");
    private final byte[] docs = resource("docs.html");
    private final byte[] redoc = resource("redoc.standalone.js");

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/openapi.json", x -> x.send(200, "application/json", openapi));
        routes.add("GET", "/docs", x -> x.send(200, "text/html", docs));
        // ReDoc (MIT licence, REDOC-LICENSE.txt beside it) served from here: the docs work offline.
        routes.add("GET", "/docs/redoc.standalone.js", x -> x.send(200, "text/javascript", redoc));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SystemResource.class.getResourceAsStream("/ponte/api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /ponte/api/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
