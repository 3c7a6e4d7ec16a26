package ponte.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** IPTC's official ninjs files in ../shared/standards/ninjs, used as they are. */
public final class Standards {
    // Surefire sets ponte.shared.dir; the fallback works when a test runs with formats/ as the working directory.
    public static final Path NINJS = Path.of(System.getProperty("ponte.shared.dir", "../../shared"), "standards", "ninjs");

    private Standards() {}

    /**
     * IPTC's should_pass cases and agency examples. The 3.1 suite holds only what 3.1 added (digitalSourceType), so the
     * 3.0 suite runs too: 3.1 added properties and removed none, and every 3.0 case keeps its verdict under 3.1.
     */
    static Stream<Path> shouldPass() {
        return Stream.of("test-suite/3.1/should_pass", "test-suite/3.0/should_pass", "examples-3.0").flatMap(Standards::jsonIn);
    }

    static Stream<Path> shouldFail() {
        return Stream.of("test-suite/3.1/should_fail", "test-suite/3.0/should_fail").flatMap(Standards::jsonIn);
    }

    static JsonNode read(Path file) {
        return NinjsWriter.mapper().readTree(file.toFile());
    }

    private static Stream<Path> jsonIn(String folder) {
        try (Stream<Path> files = Files.list(NINJS.resolve(folder))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            if (json.isEmpty()) {
                throw new IllegalStateException("no IPTC ninjs cases in " + NINJS.resolve(folder));
            }
            return json.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
