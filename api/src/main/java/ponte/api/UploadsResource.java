package ponte.api;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.media.ResumableUpload;
import ponte.core.media.Resuming;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * /v1/uploads: resumable uploads by the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload), with the
 * creation, termination, checksum and expiration extensions. A finished upload becomes a media file, as if sent whole
 * to {@code POST /v1/media}.
 */
public final class UploadsResource implements Resource {
    static final String VERSION = "1.0.0";
    private static final Set<String> CHECKSUMS = Set.of("sha1", "sha256", "md5");
    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final Resuming resuming;

    public UploadsResource(Resuming resuming) {
        this.resuming = resuming;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/uploads", this::create);
        routes.add("GET", "/v1/uploads/{id}", this::get);
        routes.add("PATCH", "/v1/uploads/{id}", new Routes.Streaming(this::append));
        routes.add("DELETE", "/v1/uploads/{id}", this::terminate);
    }

    private void create(Exchange x) {
        var caller = x.caller();
        tus(x);
        if (x.declaredLength() > 0) {
            throw HttpError.badRequest("send the file's bytes with PATCH after creating the upload (creation-with-upload is not offered)");
        }
        long length = number(x, "Upload-Length");
        Map<String, String> metadata = metadata(x.request.getHeaders().get("Upload-Metadata"));
        String type = Optional.ofNullable(metadata.get("filetype")).filter(t -> !t.isBlank())
                .orElseThrow(() -> new Invalid("", "say what the file is in Upload-Metadata: filetype <base64 of video/mp4, image/jpeg...>"));
        ResumableUpload upload = resuming.create(caller, length, type, Optional.ofNullable(metadata.get("filename")));
        x.header("Location", "/v1/uploads/" + upload.id());
        headers(x, upload);
        x.json(201, view(upload));
    }

    /** GET and HEAD: where the upload stands (tus: HEAD, which answers the headers alone). */
    private void get(Exchange x) {
        ResumableUpload upload = resuming.get(x.caller(), x.path("id"));
        tus(x);
        headers(x, upload);
        x.header(HttpHeader.CACHE_CONTROL, "no-store");
        x.json(200, view(upload));
    }

    private void append(Exchange x) {
        var caller = x.caller();
        tus(x);
        String type = x.requestHeader(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).startsWith(OFFSET_STREAM)) {
            throw new HttpError(415, "Unsupported media type", "a PATCH of an upload is " + OFFSET_STREAM);
        }
        long offset = number(x, "Upload-Offset");
        Optional<Resuming.Checksum> checksum = checksum(x.request.getHeaders().get("Upload-Checksum"));
        ResumableUpload upload = resuming.append(caller, x.path("id"), offset, x.bodyChannel(), checksum);
        headers(x, upload);
        upload.media().ifPresent(m -> x.header("Ponte-Media", "/v1/media/" + m));
        x.noContent();
    }

    private void terminate(Exchange x) {
        var caller = x.caller();
        tus(x);
        resuming.terminate(caller, x.path("id"));
        x.noContent();
    }

    /** Every tus request names the protocol version; another is 412 with the versions offered (tus section 5.2). */
    private static void tus(Exchange x) {
        x.header("Tus-Resumable", VERSION);
        String sent = x.request.getHeaders().get("Tus-Resumable");
        if (!VERSION.equals(sent == null ? null : sent.strip())) {
            x.header("Tus-Version", VERSION);
            throw new HttpError(412, "Precondition failed", "send Tus-Resumable: " + VERSION + " (the tus version this server speaks)");
        }
    }

    private static void headers(Exchange x, ResumableUpload upload) {
        x.header("Upload-Offset", Long.toString(upload.offset()));
        x.header("Upload-Length", Long.toString(upload.length()));
        x.header("Upload-Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(upload.expiresAt().atOffset(ZoneOffset.UTC)));
    }

    private static long number(Exchange x, String header) {
        String value = x.request.getHeaders().get(header);
        if (value == null) {
            throw HttpError.badRequest(header + " is required");
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(header + " must be a whole number of bytes");
        }
    }

    /** "key base64,key base64" (tus creation extension); a key may come without a value. */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new HashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            try {
                String value = kv.length == 2 ? new String(Base64.getDecoder().decode(kv[1].strip()), StandardCharsets.UTF_8) : "";
                if (!JsonInput.isText(value)) {
                    throw new IllegalArgumentException();
                }
                out.put(kv[0], value);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("Upload-Metadata values must be Base64 of UTF-8 text (tus creation extension)");
            }
        }
        return out;
    }

    /** "sha1 <base64>" (tus checksum extension). */
    private static Optional<Resuming.Checksum> checksum(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.strip().split(" ", 2);
        if (parts.length != 2 || !CHECKSUMS.contains(parts[0])) {
            throw HttpError.badRequest("Upload-Checksum is '<algorithm> <base64 digest>', the algorithm one of " + CHECKSUMS);
        }
        try {
            return Optional.of(new Resuming.Checksum(parts[0], Base64.getDecoder().decode(parts[1].strip())));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("the Upload-Checksum digest must be Base64");
        }
    }

    private static ObjectNode view(ResumableUpload u) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", u.id()).put("offset", u.offset()).put("length", u.length())
                .put("contentType", u.contentType());
        u.filename().ifPresent(f -> out.put("filename", f));
        out.put("expiresAt", u.expiresAt().toString());
        u.media().ifPresent(m -> out.put("media", m));
        return out;
    }
}
