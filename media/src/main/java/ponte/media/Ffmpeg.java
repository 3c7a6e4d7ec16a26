package ponte.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import ponte.core.media.Blob;
import ponte.core.media.Media;
import ponte.core.media.MediaStore;
import ponte.core.media.Rendition;
import ponte.core.media.TranscodeFailed;
import ponte.core.media.Transcoder;

/**
 * Renditions made by ffmpeg, run as a process with a timeout. One ffmpeg run decodes the original once and writes
 * every rendition of its kind ({@link Recipes}); ffprobe reads the original first (a file it cannot read fails with
 * its words) and each output after (sizes and duration as written). Outputs go to a work directory of their own and
 * into the store only when ffmpeg has finished them all; the work directory is removed whatever happens, and at start.
 */
public final class Ffmpeg implements Transcoder {
    private final Path ffmpeg;
    private final Path ffprobe;
    private final MediaStore store;
    private final Path work;
    private final Duration timeout;
    private final Optional<String> unavailable;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * @param ffmpeg  the program, as a name found on PATH ({@code ffmpeg}) or a path
     * @param work    a directory for outputs under way (emptied at start)
     * @param timeout the longest one file may take; beyond it the file fails ("took longer than")
     */
    public Ffmpeg(String ffmpeg, String ffprobe, MediaStore store, Path work, Duration timeout) {
        this.ffmpeg = Path.of(ffmpeg);
        this.ffprobe = Path.of(ffprobe);
        this.store = store;
        this.work = work;
        this.timeout = timeout;
        this.unavailable = check(ffmpeg).or(() -> check(ffprobe));
        clean(work);
    }

    /** The programs on PATH. */
    public Ffmpeg(MediaStore store, Path work, Duration timeout) {
        this("ffmpeg", "ffprobe", store, work, timeout);
    }

    @Override
    public Optional<String> unavailable() {
        return unavailable;
    }

    /**
     * Programs that ran once in this process are not run again: a node starts once per process in production, but a
     * test process starts hundreds, and two ffmpeg starts were a third of each node's start. A failure is not remembered.
     */
    private static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    private static Optional<String> check(String program) {
        if (RAN.contains(program)) {
            return Optional.empty();
        }
        Optional<String> unavailable = run(program);
        if (unavailable.isEmpty()) {
            RAN.add(program);
        }
        return unavailable;
    }

    private static Optional<String> run(String program) {
        try {
            Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Optional.empty();
            }
            p.destroyForcibly();
            return Optional.of(program + " does not run (" + program + " -version failed): media cannot be made into renditions");
        } catch (IOException e) {
            return Optional.of(program + " was not found on this node's PATH, so media cannot be made into renditions: install ffmpeg "
                    + "(Debian: apt-get install ffmpeg) and restart Ponte");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for " + program);
        }
    }

    @Override
    public List<Rendition> renditions(Media media, IntConsumer progress) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(work), media.id() + "-");
            Path original = original(media, dir);
            Probe source = probe(original, "the uploaded file");
            List<Recipes.Output> outputs = Recipes.of(media.kind(), source);
            if (outputs.isEmpty()) {
                throw new TranscodeFailed("the file has no " + media.kind().name().toLowerCase(java.util.Locale.ROOT) + " stream ffmpeg can read");
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            run(Recipes.command(ffmpeg.toString(), original, dir, outputs), dir, source.durationMs(), progress, deadline);
            return stored(outputs, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make renditions of media " + media.id() + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                clean(dir);
            }
        }
    }

    /**
     * Probes and stores every output, all at once: each is an ffprobe start and a digest of a large file, which overlap
     * on several cores (one after the other they were a measurable part of a transcode's wall time).
     */
    private List<Rendition> stored(List<Recipes.Output> outputs, Path dir) throws IOException {
        List<java.util.concurrent.Future<Rendition>> made = new ArrayList<>();
        try (var each = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (Recipes.Output o : outputs) {
                made.add(each.submit(() -> stored(o, dir.resolve(o.file()))));
            }
        }
        List<Rendition> out = new ArrayList<>();
        for (var rendition : made) {
            try {
                out.add(rendition.get());
            } catch (java.util.concurrent.ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException r -> throw r;
                    case IOException io -> throw io;
                    default -> throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing renditions", e);
            }
        }
        return out;
    }

    private Rendition stored(Recipes.Output o, Path file) throws IOException {
        Probe made = probe(file, "the " + o.name() + " rendition");
        Blob blob;
        if (store instanceof FileMediaStore files) {
            blob = files.adopt(file); // renamed into the store: the work directory is under the media directory
        } else {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                blob = store.save(in, Long.MAX_VALUE);
            }
        }
        return new Rendition(o.name(), o.contentType(), blob, made.width(), made.height(), o.timed() ? made.duration() : Optional.empty());
    }

    private Path original(Media media, Path dir) throws IOException {
        if (store instanceof FileMediaStore files) {
            return files.path(media.original()); // read in place
        }
        Path copy = dir.resolve("original");
        try (var in = store.open(media.original(), 0, media.original().size());
             FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.transferFrom(in, 0, Long.MAX_VALUE);
        }
        return copy;
    }

    /** What ffprobe says of a file: its picture size and duration, if it has them. */
    record Probe(Optional<Integer> width, Optional<Integer> height, Optional<Long> duration, boolean video, boolean audio) {
        long durationMs() {
            return duration.orElse(0L);
        }
    }

    private Probe probe(Path file, String what) throws IOException {
        Process p = start(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()),
                null);
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = await(p, System.nanoTime() + timeout.toNanos());
        if (exit != 0) {
            throw new TranscodeFailed("ffprobe cannot read " + what + ": " + lastLine(err));
        }
        return Probes.read(out);
    }

    private void run(List<String> command, Path dir, long durationMs, IntConsumer progress, long deadline) throws IOException {
        Path log = dir.resolve("ffmpeg.log");
        Process p = start(command, log);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            });
            String line;
            while ((line = lines.readLine()) != null) { // -progress pipe:1: key=value lines, a block about twice a second
                if (line.startsWith("out_time_us=") && durationMs > 0) {
                    try {
                        long us = Long.parseLong(line.substring("out_time_us=".length()));
                        progress.accept((int) Math.min(99, us / 10 / durationMs));
                    } catch (NumberFormatException notYet) {
                        // "N/A" before the first frame
                    }
                }
            }
            watchdog.join();
        } catch (IOException closed) {
            // the watchdog or cancelAll destroyed the process under the reader: its exit below says what happened
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        int exit = await(p, deadline);
        if (cancelled) {
            throw new IllegalStateException("the node is stopping; the file is taken up again at the next start");
        }
        if (System.nanoTime() >= deadline && exit != 0) {
            throw new TranscodeFailed("ffmpeg took longer than " + timeout + " and was stopped");
        }
        if (exit != 0) {
            throw new TranscodeFailed("ffmpeg could not make renditions: " + lastLine(Files.readString(log, StandardCharsets.UTF_8)));
        }
    }

    private Process start(List<String> command, Path log) throws IOException {
        if (cancelled) {
            throw new IllegalStateException("the node is stopping");
        }
        ProcessBuilder b = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (log != null) {
            b.redirectError(log.toFile());
        }
        Process p = b.start();
        running.add(p);
        p.onExit().thenRun(() -> running.remove(p));
        return p;
    }

    private int await(Process p, long deadline) {
        try {
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new TranscodeFailed(p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("ffmpeg")
                        + " took longer than " + timeout + " and was stopped");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ffmpeg", e);
        }
    }

    /** The last non-empty line of ffmpeg's words: the error, after the banner and the stream list. */
    static String lastLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("no message");
    }

    @Override
    public void cancelAll() {
        cancelled = true;
        running.forEach(Process::destroyForcibly);
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) || !p.getFileName().toString().equals("work")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }
}
