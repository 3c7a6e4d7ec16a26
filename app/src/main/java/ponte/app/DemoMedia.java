package ponte.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's pictures: at first start a short clip is made with ffmpeg (a test pattern with the special's title burnt in
 * in Italian, Chinese and English, a tone; nothing downloaded), uploaded as CCTV+'s editor through the node's own API
 * like any upload, given WebVTT subtitles in it/zh-Hans/en, and attached to the Milano–Cortina special, so partners
 * receive playable renditions by signed links. Without ffmpeg (or its drawtext filter's font) the step is skipped with
 * one logged line; when the special already carries Ponte media it is left alone.
 */
final class DemoMedia {
    static final String SPECIAL = "urn:ponte:demo:cctv-plus:milano-cortina-focus-zh";
    private static final String EDITOR = "demo-cctv-plus-editor";
    private static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    private static final Logger LOG = LoggerFactory.getLogger(DemoMedia.class);
    private static final Map<String, String> SUBTITLES = Map.of(
            "it", "Milano-Cortina Focus: la prima puntata",
            "zh-Hans", "米兰-科尔蒂纳聚焦：第一期",
            "en", "Milano-Cortina Focus: episode one");

    /** What the step did: the media id attached, or why nothing was done. */
    record Outcome(Optional<String> media, String said) {}

    private final String base;
    private final String ffmpeg;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    DemoMedia(int port, String ffmpeg, Path work) {
        this.base = "http://127.0.0.1:" + port;
        this.ffmpeg = ffmpeg;
        this.work = work;
    }

    Outcome attach(String itemId, JsonNode ninjs) {
        try {
            JsonNode current = call("GET", "/v1/items/" + itemId, null, null).json;
            for (JsonNode r : current.path("renditions")) {
                if (r.path("href").asString("").contains("/v1/media/")) {
                    return said(Optional.empty(), "demo media: the special already carries its clip");
                }
            }
            Optional<String> missing = missingTools();
            if (missing.isPresent()) {
                return said(Optional.empty(), "demo media skipped: " + missing.get());
            }
            Files.createDirectories(work);
            Path clip = work.resolve("milano-cortina-focus.mp4");
            makeClip(clip);
            Reply created = call("POST", "/v1/media?filename=milano-cortina-focus.mp4", "video/mp4", Files.readAllBytes(clip));
            if (created.status != 201) {
                return said(Optional.empty(), "demo media skipped: upload answered " + created.status + " " + created.json);
            }
            String id = created.json.get("id").asString();
            String state = awaitSettled(id);
            if (!state.equals("ready")) {
                return said(Optional.empty(), "demo media skipped: the clip ended " + state);
            }
            for (Map.Entry<String, String> s : SUBTITLES.entrySet()) {
                String vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n" + s.getValue() + "\n";
                Reply put = call("PUT", "/v1/media/" + id + "/subtitles/" + s.getKey(), "text/vtt", vtt.getBytes(StandardCharsets.UTF_8));
                if (put.status != 200) {
                    return said(Optional.empty(), "demo media skipped: subtitles answered " + put.status + " " + put.json);
                }
            }
            ObjectNode revised = NinjsWriter.mapper().createObjectNode();
            ObjectNode withoutPlaceholders = (ObjectNode) ninjs.deepCopy();
            withoutPlaceholders.remove("renditions"); // the example.com placeholder would be an href that does not answer
            revised.set("ninjs", withoutPlaceholders);
            ArrayNode media = revised.putArray("media");
            media.add(id);
            Reply put = call("PUT", "/v1/items/" + itemId, "application/json", revised.toString().getBytes(StandardCharsets.UTF_8));
            if (put.status != 200) {
                return said(Optional.empty(), "demo media skipped: attaching answered " + put.status + " " + put.json);
            }
            // The special is co-produced: the revision is a draft until an editor of every party approves it.
            if (put.json.has("awaitingApproval")) {
                for (JsonNode party : put.json.get("awaitingApproval")) {
                    byte[] approval = ("{\"version\":" + put.json.get("version").asInt() + "}").getBytes(StandardCharsets.UTF_8);
                    Reply approved = call("POST", "/v1/items/" + itemId + "/approve", "application/json", approval,
                            "demo-" + party.asString() + "-editor");
                    if (approved.status != 200) {
                        return said(Optional.empty(), "demo media skipped: approving answered " + approved.status + " " + approved.json);
                    }
                }
            }
            return said(Optional.of(id), "demo media: the Milano-Cortina special carries clip " + id + " with subtitles it, zh-Hans, en");
        } catch (IOException e) {
            return said(Optional.empty(), "demo media skipped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return said(Optional.empty(), "demo media skipped: interrupted");
        }
    }

    private static Outcome said(Optional<String> media, String line) {
        LOG.info(line);
        return new Outcome(media, line);
    }

    private Optional<String> missingTools() throws InterruptedException {
        if (!Files.isReadable(FONT)) {
            return Optional.of("the font for the burnt-in titles is not at " + FONT + " (Debian package fonts-noto-cjk)");
        }
        try {
            Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-filters").redirectErrorStream(true).start();
            String filters = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return filters.contains("drawtext") ? Optional.empty() : Optional.of(ffmpeg + " has no drawtext filter");
        } catch (IOException e) {
            return Optional.of("ffmpeg is not installed (" + ffmpeg + ": " + e.getMessage() + ")");
        }
    }

    /** A 2.5 s 640x360 test pattern with the three titles and a 440 Hz tone: small and quick to transcode. */
    private void makeClip(Path clip) throws IOException, InterruptedException {
        Path titles = work.resolve("titles.txt");
        Files.writeString(titles, "Milano-Cortina Focus\n米兰-科尔蒂纳聚焦\nMilano-Cortina Focus · Italpress × CCTV+", StandardCharsets.UTF_8);
        String font = FONT.toString();
        String filter = "drawtext=fontfile=" + font + ":textfile=" + titles + ":fontsize=28:line_spacing=12:fontcolor=white"
                + ":box=1:boxcolor=black@0.6:boxborderw=10:x=(w-tw)/2:y=(h-th)/2";
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=2.5",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2.5",
                "-vf", filter, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                clip.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg could not make the demo clip: " + said.strip());
        }
    }

    private String awaitSettled(String id) throws IOException, InterruptedException {
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            String state = call("GET", "/v1/media/" + id, null, null).json.path("state").asString("");
            if (!state.equals("processing")) {
                return state;
            }
            Thread.sleep(200);
        }
        return "still processing after 2 minutes";
    }

    private record Reply(int status, JsonNode json) {}

    private Reply call(String method, String path, String type, byte[] body) throws IOException, InterruptedException {
        return call(method, path, type, body, EDITOR);
    }

    private Reply call(String method, String path, String type, byte[] body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? NinjsWriter.mapper().createObjectNode() : NinjsWriter.mapper().readTree(response.body());
        return new Reply(response.statusCode(), json);
    }
}
