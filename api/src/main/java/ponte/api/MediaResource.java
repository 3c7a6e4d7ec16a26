package ponte.api;

import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.media.ByteRange;
import ponte.core.media.HeldItem;
import ponte.core.media.HeldItems;
import ponte.core.media.Media;
import ponte.core.media.MediaState;
import ponte.core.media.Rendition;
import ponte.core.media.Subtitling;
import ponte.core.media.Uploading;
import ponte.core.reading.Downloading;
import ponte.formats.SignedHrefs;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/media: an editor's video, photo and audio uploads, and how their renditions are coming along. */
public final class MediaResource implements Resource {
    private final Uploading uploading;
    private final Downloading downloading;
    private final Subtitling subtitling;
    private final HeldItems heldItems;
    private final SignedHrefs links;
    private final java.time.Clock clock;

    /**
     * @param heldItems the publish requests waiting for (or stuck on) each file, shown to its editors
     * @param links     checks the signed links partners follow without a key
     */
    public MediaResource(Uploading uploading, Downloading downloading, Subtitling subtitling, HeldItems heldItems, SignedHrefs links,
                         java.time.Clock clock) {
        this.uploading = uploading;
        this.heldItems = heldItems;
        this.downloading = downloading;
        this.subtitling = subtitling;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/media", new Routes.Streaming(this::upload));
        routes.add("GET", "/v1/media/{id}", this::get);
        routes.add("GET", "/v1/media/{id}/renditions/{name}", this::download);
        routes.add("PUT", "/v1/media/{id}/subtitles/{lang}", this::subtitle);
    }

    /** PUT a WebVTT track (text/vtt, UTF-8) in one language. */
    private void subtitle(Exchange x) {
        var caller = x.caller();
        byte[] bytes = x.rawBody(Subtitling.MAX_BYTES);
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Invalid("", "a WebVTT file is UTF-8 text (WebVTT section 4.1)");
        }
        x.json(200, view(subtitling.subtitle(caller, x.path("id"), x.path("lang"), text, bytes)));
    }

    /**
     * GET (and HEAD) of a rendition, gated like the items that carry it; one byte range (RFC 9110 section 14) with
     * If-Range, and the blob's SHA-256 as a strong ETag (the bytes never change under a name).
     */
    private void download(Exchange x) throws java.io.IOException {
        Downloading.Download d = downloading.find(downloader(x), x.path("id"), x.path("name"));
        long size = d.rendition().blob().size();
        String etag = "\"" + d.rendition().blob().sha256() + "\"";
        x.header(HttpHeader.ETAG, etag);
        x.header(HttpHeader.ACCEPT_RANGES, "bytes");
        x.header(HttpHeader.CACHE_CONTROL, "private, no-cache"); // the gate is asked at every download
        if (x.notModified(etag)) {
            return;
        }
        String ifRange = x.requestHeader(HttpHeader.IF_RANGE);
        Optional<ByteRange> range = Optional.ofNullable(x.requestHeader(HttpHeader.RANGE))
                .filter(r -> ifRange == null || ifRange.strip().equals(etag))
                .flatMap(r -> ByteRange.parse(r, size));
        if (range.isPresent() && range.get().unsatisfiable()) {
            x.header(HttpHeader.CONTENT_RANGE, "bytes */" + size);
            throw new HttpError(416, "Range not satisfiable", "the rendition has " + size + " bytes");
        }
        long from = range.map(ByteRange::from).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        x.streaming(range.isPresent() ? 206 : 200, d.rendition().contentType());
        range.ifPresent(r -> x.header(HttpHeader.CONTENT_RANGE, "bytes " + r.from() + "-" + (r.from() + r.length() - 1) + "/" + size));
        x.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (x.request.getMethod().equals("HEAD")) {
            x.callback.succeeded();
            return;
        }
        long sent;
        try (var in = downloading.open(d, from, length);
             java.io.OutputStream out = org.eclipse.jetty.io.Content.Sink.asOutputStream(x.response)) {
            sent = java.nio.channels.Channels.newInputStream(in).transferTo(out);
        }
        x.callback.succeeded();
        downloading.completed(d, sent);
    }

    /**
     * Who downloads: the key's holder, or, for a signed link (no key needed), the org it was signed for, as a partner.
     * A link altered in any part or expired names no one: 404, as for a file the caller may not have.
     */
    private ponte.core.access.Caller downloader(Exchange x) {
        Optional<String> sig = x.query("sig");
        if (sig.isEmpty()) {
            return x.caller();
        }
        return links.verify(x.path("id"), x.path("name"), x.query("org").orElse(""), x.query("expires").orElse(""), sig.get(), clock.instant())
                .<ponte.core.access.Caller>map(org -> new ponte.core.access.Caller.Member(org, ponte.core.access.Role.PARTNER))
                .orElseThrow(() -> new ponte.core.NotFound("no such media"));
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

    /** The file, and the publish requests of its org held for it: waiting while it processes, stuck (with why) when it failed. */
    private void get(Exchange x) {
        Caller caller = x.caller();
        Media media = uploading.get(caller, x.path("id"));
        ObjectNode out = view(media);
        ArrayNode held = out.putArray("heldItems");
        for (HeldItem h : heldItems.naming(media.id())) {
            if (h.caller().org().equals(media.owner())) {
                held.add(ItemsResource.heldView(h, h.media().stream().filter(id -> !ready(caller, id)).toList()));
            }
        }
        x.json(200, out);
    }

    private boolean ready(Caller caller, String mediaId) {
        try {
            return uploading.get(caller, mediaId).state() == MediaState.READY;
        } catch (ponte.core.NotFound gone) {
            return false;
        }
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
        if (m.state() == MediaState.FAILED || m.state() == MediaState.DELETED) {
            out.put("reason", m.reason().orElse("unknown"));
        }
        m.deletedAt().ifPresent(t -> out.put("deletedAt", t.toString()));
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
