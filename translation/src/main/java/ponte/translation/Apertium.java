package ponte.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.translation.MachineTranslation;

/**
 * Apertium, the rule-based engine Debian packages ({@code apertium} with a pair such as {@code apertium-eng-spa}), run as
 * a process per text: {@code apertium -u -f txt|html eng-spa}, the text on standard input. Its pairs are named by ISO
 * 639-3 codes; the BCP 47 tags Ponte uses map to them through the JDK's locale data ({@code en} → {@code eng}).
 * Unknown words are left as they are ({@code -u}), not marked with an asterisk.
 */
public final class Apertium implements MachineTranslation {
    private static final Engine ENGINE = new Engine("Apertium", Engine.ALGORITHMIC);

    private final String command;
    private final Set<String> pairs;
    private final Duration timeout;

    Apertium(String command, Set<String> pairs, Duration timeout) {
        this.command = command;
        this.pairs = Set.copyOf(pairs);
        this.timeout = timeout;
    }

    /** Apertium as installed on this machine, with the pairs {@code apertium -l} lists; empty if it is not installed. */
    public static Optional<Apertium> installed(Duration timeout) {
        Set<String> pairs = listed;
        if (pairs == null) {
            try {
                String out = run(new ProcessBuilder("apertium", "-l"), "", timeout);
                pairs = Arrays.stream(out.split("\\s+")).filter(p -> p.matches("[a-z]{2,3}-[a-z]{2,3}")).collect(Collectors.toUnmodifiableSet());
            } catch (Unavailable e) {
                return Optional.empty();
            }
            if (!pairs.isEmpty()) {
                listed = pairs;
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(new Apertium("apertium", pairs, timeout));
    }

    /**
     * The pairs {@code apertium -l} listed, once per process when it listed any: a node starts once per process in
     * production, but a test process starts hundreds, and each listing took a third of a second of a node's start.
     */
    private static volatile Set<String> listed;

    @Override
    public Engine engine() {
        return ENGINE;
    }

    @Override
    public boolean translates(String from, String to) {
        return pair(from, to).filter(pairs::contains).isPresent();
    }

    @Override
    public String translate(String text, boolean html, String from, String to) {
        String pair = pair(from, to).filter(pairs::contains).orElseThrow(() -> new Invalid("/language",
                "Apertium here has no pair from " + from + " to " + to + " (installed: " + String.join(", ", pairs.stream().sorted().toList()) + ")"));
        String out = run(new ProcessBuilder(command, "-u", "-f", html ? "html" : "txt", pair), text, timeout);
        // Apertium ends its output with a newline whether or not the input had one.
        return !text.endsWith("\n") && out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** The Apertium pair for two BCP 47 tags: their ISO 639-3 codes ("en", "es" → "eng-spa"). */
    static Optional<String> pair(String from, String to) {
        try {
            return Optional.of(iso3(from) + "-" + iso3(to));
        } catch (java.util.MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static String iso3(String tag) {
        String code = Locale.forLanguageTag(tag).getISO3Language();
        if (code.isEmpty()) {
            throw new java.util.MissingResourceException("no ISO 639-3 code", "Locale", tag);
        }
        return code;
    }

    /** Runs the process with {@code input} on standard input; its standard output, or Unavailable. */
    private static String run(ProcessBuilder builder, String input, Duration timeout) {
        Process process;
        try {
            process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Unavailable("apertium could not be started: " + e.getMessage());
        }
        // Read while writing: a long text would otherwise fill the pipe both ways and neither side would move.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new Unavailable("apertium stopped reading its input: " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Unavailable("apertium did not finish within " + timeout);
            }
            byte[] bytes = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new Unavailable("apertium failed with exit code " + process.exitValue());
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while apertium was translating");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new Unavailable("apertium's output could not be read: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
