package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ponte.formats.Documents.aDocument;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ponte.core.Invalid;
import ponte.core.Invalid.Violation;
import ponte.core.items.Content;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NinjsReaderTest {
    private static final NinjsReader READER = new NinjsReader(new NinjsSchema());

    static Stream<Path> officialShouldPass() {
        return Standards.shouldPass();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void officialExamplesAreReadAsTheyAre(Path file) {
        JsonNode document = Standards.read(file);

        Content content = READER.read(document);

        assertThat(json(content.ninjs())).isEqualTo(document);
    }

    @Test
    void missingUriIsAcceptedAndLeftForPonteToAssign() {
        ObjectNode document = aDocument().withoutUri().build();

        Content content = READER.read(document);

        assertThat(json(content.ninjs()).has("uri")).isFalse();
        assertThat(READER.uri(document)).isEmpty();
    }

    @Test
    void clientsUriIsKept() {
        ObjectNode document = aDocument().with("uri", "urn:newsml:cgtn.com:2026:42").build();

        assertThat(READER.uri(document)).contains("urn:newsml:cgtn.com:2026:42");
        assertThat(json(READER.read(document).ninjs()).path("uri").asString()).isEqualTo("urn:newsml:cgtn.com:2026:42");
    }

    @Test
    void documentIsStoredCompactlyExactlyAsGiven() {
        String filed = """
                {
                  "uri" : "urn:x:1",
                  "headlines" : [ { "value" : "Roma, 世界 \\u00e8 qui" } ],
                  "places" : [ { "name" : "Roma", "geoJSON" : { "type" : "Point", "coordinates" : [ 12.50, 41.90 ] } } ],
                  "language" : "it"
                }""";

        Content content = READER.read(json(filed));

        assertThat(content.ninjs()).isEqualTo("""
                {"uri":"urn:x:1","headlines":[{"value":"Roma, 世界 è qui"}],\
                "places":[{"name":"Roma","geoJSON":{"type":"Point","coordinates":[12.50,41.90]}}],"language":"it"}""");
    }

    @Test
    void factsTheRulesNeedAreReadOut() {
        Content content = READER.read(aDocument().inLanguage("zh-Hans").embargoedUntil("2026-05-01T08:00:00+02:00").with("type", "picture").build());

        assertThat(content.language()).contains("zh-Hans");
        assertThat(content.embargoedUntil()).contains(Instant.parse("2026-05-01T06:00:00Z"));
        assertThat(content.type()).isEqualTo("picture");
        assertThat(content.headline()).contains("Ponte sullo Stretto, via libera");
    }

    @Test
    void absentFactsAreEmptyAndTypeIsText() {
        Content content = READER.read(json("""
                {"uri": "urn:x:1"}"""));

        assertThat(content.language()).isEmpty();
        assertThat(content.embargoedUntil()).isEmpty();
        assertThat(content.type()).isEqualTo("text");
        assertThat(content.headline()).isEmpty();
    }

    @Test
    void headlineIsTheMainOneElseTheFirst() {
        Content withMain = READER.read(json("""
                {"uri": "urn:x:1", "headlines": [{"role": "short", "value": "Via libera"}, {"role": "main", "value": "Ponte, via libera"}]}"""));
        Content withoutMain = READER.read(json("""
                {"uri": "urn:x:1", "headlines": [{"role": "short", "value": "Via libera"}, {"value": "Ponte, via libera"}]}"""));

        assertThat(withMain.headline()).contains("Ponte, via libera");
        assertThat(withoutMain.headline()).contains("Via libera");
    }

    @Test
    void aLanguageThatIsNoBcp47TagIsRefusedAtItsPointer() {
        for (String language : new String[] {"é".repeat(3000), "not a tag", "en_GB", "x".repeat(36)}) {
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> READER.read(aDocument().inLanguage(language).build()));

            assertThat(invalid).as(language).isNotNull();
            assertThat(invalid.violations()).extracting(Violation::pointer).containsExactly("/ninjs/language");
        }
        assertThat(READER.read(aDocument().inLanguage("sr-Latn-RS").build()).language()).contains("sr-Latn-RS");
    }

    @Test
    void somethingOtherThanAnObjectIsRefusedAtNinjs() {
        for (String notAnObject : new String[] {"[]", "\"text\"", "null", "42"}) {
            Invalid invalid = catchThrowableOfType(Invalid.class, () -> READER.read(json(notAnObject)));

            assertThat(invalid).as(notAnObject).isNotNull();
            assertThat(invalid.violations()).extracting(Violation::pointer).containsExactly("/ninjs");
        }
    }

    @Test
    void canceledPubStatusIsRefusedBecauseKillsGoThroughDelete() {
        Invalid invalid = catchThrowableOfType(Invalid.class, () -> READER.read(aDocument().with("pubStatus", "canceled").build()));

        assertThat(invalid.violations()).extracting(Violation::pointer).containsExactly("/ninjs/pubStatus");
        assertThat(invalid.violations().getFirst().detail()).contains("DELETE");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode document = aDocument().withoutUri().with("pubStatus", "canceled").with("versionCreated", "yesterday").with("ponte", "x").build();

        Invalid invalid = catchThrowableOfType(Invalid.class, () -> READER.read(document));

        assertThat(invalid.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/ninjs/versionCreated", "/ninjs/ponte", "/ninjs/pubStatus");
    }

    @Test
    void badClientUriIsRefused() {
        Invalid invalid = catchThrowableOfType(Invalid.class, () -> READER.read(aDocument().with("uri", "not a uri").build()));

        assertThat(invalid.violations()).extracting(Violation::pointer).containsExactly("/ninjs/uri");
    }

    private static JsonNode json(String text) {
        return NinjsWriter.mapper().readTree(text);
    }
}
