package ponte.api;

import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.media.Media;
import ponte.core.media.MediaState;
import ponte.core.media.Rendition;
import ponte.core.media.Uploading;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/media: an editor's video, photo and audio uploads, and how their renditions are coming along. */
public final class MediaResource implements Resource {
    private final Uploading uploading;

    public MediaResource(Uploading uploading) {
        this.uploading = uploading;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/media", new Routes.Streaming(this::upload));
        routes.add("GET", "/v1/media/{id}", this::get);
    }

    /** POST /v1/media[?filename=]: the body is the file itself, streamed to the store as it arrives. */
    private void upload(Exchange x) {
        var caller = x.caller();
        String claimed = Optional.ofNullable(x.requestHeader(HttpHeader.CONTENT_TYPE)).filter(t -> !t.isBlank())
                .orElseThrow(() -> new Invalid("", "say what the file is in Content-Type (video/mp4, image/jpeg, audio/mpeg...)"));
        Media media = uploading.upload(caller, claimed, x.query("filename"), x.declaredLength(), x.bodyChannel());
        x.header("Location", "/v1/media/" + media.id());
        x.json(201, view(media));
    }

    private void get(Exchange x) {
        x.json(200, view(uploading.get(x.caller(), x.path("id"))));
    }

    static ObjectNode view(Media m) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("id", m.id())
                .put("state", m.state().wire())
                .put("progress", m.progress())
                .put("contentType", m.contentType())
                .put("size", m.original().size())
                .put("sha256", m.original().sha256());
        m.filename().ifPresent(f -> out.put("filename", f));
        if (m.state() == MediaState.FAILED) {
            out.put("reason", m.reason().orElse("unknown"));
        }
        ArrayNode renditions = out.putArray("renditions");
        m.renditions().forEach(r -> renditions.add(rendition(r)));
        out.put("createdAt", m.createdAt().toString());
        return out;
    }

    private static ObjectNode rendition(Rendition r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("name", r.name())
                .put("contentType", r.contentType());
        r.width().ifPresent(w -> out.put("width", w));
        r.height().ifPresent(h -> out.put("height", h));
        r.durationMs().ifPresent(d -> out.put("duration", d / 1000.0));
        out.put("size", r.blob().size()).put("sha256", r.blob().sha256());
        return out;
    }
}
