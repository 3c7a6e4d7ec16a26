package ponte.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash, as the second terminal of a reader following the README: commands typed one after another, sharing
 * variables and background jobs, stdout and stderr on one screen. Each command's output is what the screen showed
 * between it and the next, background jobs' lines included; the whole session is kept as the transcript.
 */
final class Shell implements AutoCloseable {
    /** Ends the output of a command: a byte no command of the tour prints, then its exit status. */
    private static final char MARK = '\u001e';

    /** What one command did. */
    record Ran(int exit, String output) {}

    private final Process bash;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    Shell(Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PONTE_"));
        pb.environment().putAll(env);
        bash = pb.start();
        in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException ended) {
                // bash is gone; run() says so when a command's end never comes
            }
        });
    }

    /** Types {@code command} and waits for it to end, at most {@code within}. */
    synchronized Ran run(String command, Duration within) throws IOException, InterruptedException {
        in.write(command + "\nprintf '\\n" + "\\036" + "%d\\n' $?\n");
        in.flush();
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the command did not end within " + within + ": " + command + "\nit printed:\n" + output);
            }
            if (!line.isEmpty() && line.charAt(0) == MARK) {
                String shown = output.toString().replaceFirst("(^|\n)\n$", "$1"); // the mark's own line break
                transcript.append(shown);
                return new Ran(Integer.parseInt(line.substring(1).strip()), shown);
            }
            output.append(line).append('\n');
        }
    }

    /**
     * The value of a shell variable now (empty when unset). It is printed between two bytes no command prints, in one
     * write, because a background job (the tour's webhook receiver) may print a line of its own meanwhile.
     */
    String variable(String name) throws IOException, InterruptedException {
        String shown = run("printf '\\037%s\\037\\n' \"$" + name + "\"", Duration.ofSeconds(10)).output();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\u001f(.*?)\u001f", java.util.regex.Pattern.DOTALL).matcher(shown);
        if (!value.find()) {
            throw new AssertionError("$" + name + " was not printed: " + shown);
        }
        return value.group(1);
    }

    /** Everything the session printed so far, background jobs included. */
    synchronized String transcript() {
        return transcript.toString();
    }

    /** Ends bash and every process it left running in the background. */
    @Override
    public void close() throws InterruptedException {
        bash.descendants().forEach(ProcessHandle::destroy);
        bash.destroy();
        if (!bash.waitFor(10, TimeUnit.SECONDS)) {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }
    }
}
