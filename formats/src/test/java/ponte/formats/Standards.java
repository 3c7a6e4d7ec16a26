package ponte.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * IPTC's official files, used as they are: copied into this module's test resources ({@code standards/NOTICE.md}
 * says from where, under CC BY 4.0), so every clone runs the tests offline. Other modules read them from the
 * test-jar, hence paths that may live inside a zip file system.
 */
public final class Standards {
    public static final Path ROOT = resourceFolder("/ponte/formats/standards");
    public static final Path NINJS = ROOT.resolve("ninjs");
    public static final Path NEWSML_G2 = ROOT.resolve("newsml-g2");

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
        try {
            return NinjsWriter.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceFolder(String name) {
        try {
            URI uri = Standards.class.getResource(name).toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            try {
                return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
            } catch (FileSystemAlreadyExistsException e) {
                return FileSystems.getFileSystem(uri).provider().getPath(uri);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("IPTC files missing from the test resources: " + name, e);
        }
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
