package ponte.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tiny real media made by ffmpeg from its test sources (nothing downloaded): a 2-second 640x480 video, a photo and a
 * 2-second tone. Made once per directory; each is a few kilobytes, so the suite stays fast.
 */
final class Clips {
    final Path video;
    final Path photo;
    final Path audio;

    Clips(Path dir) {
        video = make(dir.resolve("testsrc.mp4"), "-f", "lavfi", "-i", "testsrc=size=640x480:rate=10:duration=2", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        photo = make(dir.resolve("photo.jpg"), "-f", "lavfi", "-i", "testsrc=size=800x600:duration=1", "-frames:v", "1");
        audio = make(dir.resolve("tone.mp3"), "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "libmp3lame");
    }

    static Path make(Path out, String... args) {
        if (Files.exists(out)) {
            return out;
        }
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make " + out + ": " + said);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is needed by the media tests (apt-get install ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What ffprobe says of a file: "codec_name,width,height" of its first video stream, or its error. */
    static String probe(Path file) {
        try {
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height",
                    "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return said;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
