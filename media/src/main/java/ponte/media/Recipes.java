package ponte.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ponte.core.media.MediaKind;

/**
 * Which renditions each kind of file gets, as ffmpeg outputs of one run. Video: H.264/AAC MP4 at the source size capped
 * at 1080 lines, at 720 lines and a 360-line proxy (never scaled up), a poster frame and a strip of ten thumbnails.
 * Photo: JPEGs at most 2048, 1024 and 320 pixels wide. Audio: AAC in an MP4 container.
 */
final class Recipes {
    /** One output of the run: the rendition's name, the file ffmpeg writes, its type, and ffmpeg's options for it. */
    record Output(String name, String file, String contentType, boolean timed, List<String> options) {}

    private static final int STRIP = 10;

    private Recipes() {}

    static List<Output> of(MediaKind kind, Ffmpeg.Probe source) {
        return switch (kind) {
            case VIDEO -> source.video() ? video(source) : List.of();
            case PHOTO -> source.video() ? photo() : List.of(); // ffprobe calls a picture's stream "video"
            case AUDIO -> source.audio() ? List.of(new Output("aac", "aac.m4a", "audio/mp4", true,
                    List.of("-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart"))) : List.of();
        };
    }

    private static List<Output> video(Ffmpeg.Probe source) {
        List<Output> out = new ArrayList<>();
        out.add(mp4("1080p", 1080, "20", "160k", source.audio()));
        out.add(mp4("720p", 720, "22", "128k", source.audio()));
        out.add(mp4("proxy", 360, "28", "64k", source.audio()));
        double seconds = source.durationMs() / 1000.0;
        out.add(new Output("poster", "poster.jpg", "image/jpeg", false,
                List.of("-map", "0:v:0", "-ss", decimal(seconds / 10), "-frames:v", "1", "-q:v", "3")));
        // Ten frames spread over the clip, side by side: one image a player's scrubber can show.
        double fps = seconds > 0 ? STRIP / seconds : 1;
        out.add(new Output("thumbnails", "thumbnails.jpg", "image/jpeg", false,
                List.of("-map", "0:v:0", "-vf", "fps=" + decimal(fps) + ",scale=160:-2,tile=" + STRIP + "x1", "-frames:v", "1", "-q:v", "5")));
        return out;
    }

    private static Output mp4(String name, int lines, String crf, String audioRate, boolean audio) {
        List<String> o = new ArrayList<>(List.of("-map", "0:v:0"));
        if (audio) {
            o.addAll(List.of("-map", "0:a:0"));
        }
        o.addAll(List.of("-vf", "scale=-2:'trunc(min(" + lines + ",ih)/2)*2'", "-c:v", "libx264", "-preset", "veryfast", "-crf", crf,
                "-pix_fmt", "yuv420p", "-movflags", "+faststart"));
        if (audio) {
            o.addAll(List.of("-c:a", "aac", "-b:a", audioRate));
        }
        return new Output(name, name + ".mp4", "video/mp4", true, List.copyOf(o));
    }

    private static List<Output> photo() {
        return List.of(jpeg("large", 2048), jpeg("medium", 1024), jpeg("small", 320));
    }

    private static Output jpeg(String name, int width) {
        return new Output(name, name + ".jpg", "image/jpeg", false,
                List.of("-map", "0:v:0", "-vf", "scale='min(" + width + ",iw)':-2", "-frames:v", "1", "-q:v", "3"));
    }

    /** The whole command: read the original once, write every output, report progress on stdout. */
    static List<String> command(String ffmpeg, Path original, Path dir, List<Output> outputs) {
        List<String> c = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error", "-nostats", "-progress", "pipe:1",
                "-i", original.toString()));
        for (Output o : outputs) {
            c.addAll(o.options());
            c.add(dir.resolve(o.file()).toString());
        }
        return c;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
