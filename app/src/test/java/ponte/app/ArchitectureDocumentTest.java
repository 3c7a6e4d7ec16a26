package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md is read by newcomers before the code: every type it names in code spans must exist, so the
 * document cannot drift from the code unnoticed (it once named a use case and a port that did not exist).
 */
class ArchitectureDocumentTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    /** A code span that starts with a capitalised word, e.g. `Entitlements.route()` or `Change.Publish`. */
    private static final Pattern NAMED_TYPE = Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)[^`]*`");
    private static final Pattern DECLARED_TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z][A-Za-z0-9]*)");
    /** Names the document uses that are not Ponte's types: HTTP headers, and library types it explains choices by. */
    private static final Set<String> NOT_PONTE = Set.of("Accept", "Authorization", "Cache", "Idempotency", "Last", "Location",
            "Link", "Retry", "Vary", "Content", "Handler", "HttpClient", "SocketAddressResolver", "SearcherLifetimeManager",
            "Clock", "Reader", "Ponte", "FileChannel", "AsynchronousFileChannel");

    @Test
    void everyTypeTheArchitectureDocumentNamesExists() throws IOException {
        Set<String> declared = declaredTypes();
        Set<String> missing = new TreeSet<>();
        Matcher m = NAMED_TYPE.matcher(Files.readString(REPOSITORY.resolve("docs/architecture.md")));
        while (m.find()) {
            String name = m.group(1);
            if (!declared.contains(name) && !NOT_PONTE.contains(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("types named in docs/architecture.md that no source file declares").isEmpty();
    }

    private static Set<String> declaredTypes() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/")).forEach(f -> {
                try {
                    Matcher m = DECLARED_TYPE.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return names;
    }
}
