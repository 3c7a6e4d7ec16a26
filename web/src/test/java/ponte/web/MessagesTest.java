package ponte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every message, and every message a page asks for exists. */
class MessagesTest {
    private final Map<String, Messages> bundles = Messages.load();

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() {
        Set<String> english = bundles.get("en").keys();
        for (Messages m : bundles.values()) {
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(m.keys());
            Set<String> extra = new TreeSet<>(m.keys());
            extra.removeAll(english);
            assertThat(missing).as("keys missing from " + m.language()).isEmpty();
            assertThat(extra).as("keys only in " + m.language()).isEmpty();
        }
    }

    @Test
    void noMessageIsBlank() {
        for (Messages m : bundles.values()) {
            for (String key : m.keys()) {
                assertThat(m.t(key)).as(m.language() + " " + key).isNotBlank();
            }
        }
    }

    /** Literal keys in templates and page handlers ("signin.title"); keys built at run time are checked by their prefix's cases. */
    @Test
    void everyKeyTheTemplatesAndPagesNameExists() throws IOException {
        Pattern literal = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.-]*[a-zA-Z0-9])\"\\s*[,)]");
        Set<String> named = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = literal.matcher(Files.readString(f));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(bundles.get("en").keys()).containsAll(named);
    }

    @Test
    void textsWithPlaceholdersFormatInEveryLanguage() {
        for (Messages m : bundles.values()) {
            assertThat(m.t("layout.signedInAs", "italpress-editor", "italpress", "editor")).contains("italpress-editor");
            assertThat(m.t("error.help")).doesNotContain("{");
        }
    }
}
