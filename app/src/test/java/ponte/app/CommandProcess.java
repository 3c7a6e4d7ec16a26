package ponte.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The {@code ponte} command line in a child JVM, started as {@code ./ponte} starts it (the same JVM options, the
 * test's class path instead of the built jar), with everything it prints on stdout and stderr, in order.
 */
final class CommandProcess implements AutoCloseable {
    /** What the JVM itself prints on every start with the vector module: not Ponte's to say or to silence. */
    static final String JVM_INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
    /** What Lucene prints, under {@link #SHORT_LIVED} only, on using the vector API without the JIT's last tier. */
    private static final String LUCENE_FIRST_TIER_NOTICE = "WARNING: C2 compiler is disabled; Java vector incubator API can't be enabled";
    private static final String LUCENE_NOTICE_SOURCE = "org.apache.lucene.internal.vectorization.VectorizationProvider lookup";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private CommandProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::drain);
    }

    /**
     * The command that runs Main as the launcher does: its JVM options, then the test's class path. One option more,
     * {@link #SHORT_LIVED}: a test's node lives for seconds, and compiling for the long run would be most of its CPU.
     */
    static List<String> ponte() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseZGC", "-Xss512k", SHORT_LIVED,
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    /**
     * The JIT's first tier only, for the tests' child JVMs: it changes how fast code runs, never what it does. A demo
     * start took 18 s of CPU with both tiers and 11 s with this, on two cores that every test shares.
     */
    static final String SHORT_LIVED = "-XX:TieredStopAtLevel=1";

    /** Runs {@code ponte args…} in {@code dir} with the test's environment less any PONTE_ setting, plus {@code env}. */
    static CommandProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(ponte());
        command.addAll(List.of(args));
        return run(dir, env, command);
    }

    /** Runs {@code command} (a launcher script, say) in {@code dir}, its environment made as {@link #start}'s. */
    static CommandProcess run(Path dir, Map<String, String> env, List<String> command) throws IOException {
        // As from a terminal: Ctrl-C (SIGINT) stops it even when this JVM was started with SIGINT ignored (from a
        // background job or under nohup), which a child inherits and a JVM then never hears.
        List<String> asFromATerminal = new ArrayList<>(List.of("env", "--default-signal=INT,HUP"));
        asFromATerminal.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(asFromATerminal).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PONTE_"));
        pb.environment().putAll(env);
        return new CommandProcess(pb.start());
    }

    private void drain() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the process is gone: what it printed is kept
        }
    }

    /** Every line printed so far, except the JVM's own notice and Lucene's under the tests' JIT option. */
    List<String> lines() {
        List<String> printed = new ArrayList<>();
        for (String line : lines) {
            if (line.equals(LUCENE_FIRST_TIER_NOTICE) && !printed.isEmpty() && printed.getLast().endsWith(LUCENE_NOTICE_SOURCE)) {
                printed.removeLast(); // java.util.logging's header line of the notice
            } else if (!line.equals(JVM_INCUBATOR_NOTICE)) {
                printed.add(line);
            }
        }
        return printed;
    }

    /** Waits for a line that matches; fails with everything printed when none comes in time or the process ends. */
    String awaitLine(Predicate<String> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                reader.join(5_000); // the last lines may still be in the pipe
                return lines().stream().filter(wanted).findFirst()
                        .orElseThrow(() -> new AssertionError("the command ended (" + process.exitValue() + ") without the line awaited:\n" + printed()));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the line awaited did not come within " + within + ":\n" + printed());
    }

    /** Waits for the process to end and for its output to be read; returns its exit code. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the command did not end within " + within + ":\n" + printed() + "\n\nits threads:\n" + threads());
        }
        reader.join(5_000); // the last lines may still be in the pipe
        return process.exitValue();
    }

    /** What a process that did not end is doing (jstack of each Java process it is or started), to say why. */
    private String threads() {
        StringBuilder out = new StringBuilder();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).forEach(p -> {
            try {
                Process jstack = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        Long.toString(p.pid())).redirectErrorStream(true).start();
                out.append(new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                jstack.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                out.append("(no thread dump of ").append(p.pid()).append(": ").append(e).append(")\n");
            }
        });
        return out.toString();
    }

    /** Ctrl-C in the terminal that started it: SIGINT. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    String printed() {
        return String.join("\n", lines());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
