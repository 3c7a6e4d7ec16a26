package ponte.media;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ffprobe's JSON ({@code -print_format json -show_format -show_streams}) read into what renditions need. */
final class Probes {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Probes() {}

    static Ffmpeg.Probe read(byte[] json) {
        JsonNode root = JSON.readTree(json);
        Optional<Integer> width = Optional.empty();
        Optional<Integer> height = Optional.empty();
        boolean video = false;
        boolean audio = false;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asString("");
            if (type.equals("video") && !video) {
                video = true;
                width = Optional.of(s.path("width").asInt(0)).filter(w -> w > 0);
                height = Optional.of(s.path("height").asInt(0)).filter(h -> h > 0);
            } else if (type.equals("audio")) {
                audio = true;
            }
        }
        Optional<Long> duration = seconds(root.path("format").path("duration").asString(""));
        return new Ffmpeg.Probe(width, height, duration, video, audio);
    }

    private static Optional<Long> seconds(String text) {
        try {
            return Optional.of(Math.round(Double.parseDouble(text) * 1000)).filter(ms -> ms > 0);
        } catch (NumberFormatException none) {
            return Optional.empty();
        }
    }
}
