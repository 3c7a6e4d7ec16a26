package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ponte.core.Invalid.Violation;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

class NinjsSchemaTest {
    private static final NinjsSchema SCHEMA = new NinjsSchema();

    static Stream<Path> officialShouldPass() {
        return Standards.shouldPass();
    }

    static Stream<Path> officialShouldFail() {
        return Standards.shouldFail();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void officialShouldPassExamplesAreAccepted(Path file) {
        assertThat(SCHEMA.validate(Standards.read(file), "/ninjs")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldFail")
    void officialShouldFailExamplesAreRefusedWithPointers(Path file) {
        JsonNode document = Standards.read(file);

        List<Violation> violations = SCHEMA.validate(document, "/ninjs");

        assertThat(violations).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.pointer()).startsWith("/ninjs");
            assertThat(violation.detail()).isNotBlank();
            // Each pointer names a place in the document, or a missing property of an object that is there.
            JsonPointer pointer = JsonPointer.compile(violation.pointer().substring("/ninjs".length()));
            assertThat(!document.at(pointer).isMissingNode() || document.at(pointer.head()).isObject())
                    .as(violation.pointer()).isTrue();
        });
    }

    @Test
    void bundledSchemaIsIptcsOfficialFile() throws Exception {
        for (String name : List.of("ninjs-schema_3.1.json", "ninjs-schema_2.2.json", "GeoJSON-schema.json")) {
            try (var bundled = NinjsSchema.class.getResourceAsStream("/ponte/formats/ninjs/" + name)) {
                assertThat(bundled).as(name).isNotNull();
                assertThat(bundled.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(Standards.NINJS.resolve(name)));
            }
        }
    }

    @Test
    void oneBadFieldIsReportedAloneNotWithEveryValidSibling() {
        JsonNode document = json("""
                {"uri": "urn:x:1", "language": "en", "headlines": [{"value": 1}]}""");

        assertThat(SCHEMA.validate(document, "/ninjs")).extracting(Violation::pointer).containsExactly("/ninjs/headlines/0/value");
    }

    @Test
    void unknownTopLevelPropertyIsNamedByItsPointer() {
        assertThat(SCHEMA.validate(json("""
                {"uri": "urn:x:1", "ponteProducts": ["it-news"]}"""), "/ninjs"))
                .containsExactly(new Violation("/ninjs/ponteProducts", "'ponteProducts' is not a ninjs 3.1 property here"));
    }

    @Test
    void unknownPropertyIsStillReportedBesideAnotherError() {
        List<Violation> violations = SCHEMA.validate(json("""
                {"uri": "urn:x:1", "urgency": 0, "random": true}"""), "/ninjs");

        assertThat(violations).extracting(Violation::pointer).containsExactlyInAnyOrder("/ninjs/urgency", "/ninjs/random");
    }

    @Test
    void associationFieldsAreNotEchoedWhenOneOfThemIsWrong() {
        List<Violation> violations = SCHEMA.validate(json("""
                {"uri": "urn:x:1", "associations": [{"name": "photo", "rel": "image", "uri": "urn:x:2", "urgency": 10}]}"""), "/ninjs");

        assertThat(violations).extracting(Violation::pointer).containsExactly("/ninjs/associations/0/urgency");
    }

    @Test
    void associationOnlyFieldsAreRefusedAtTheTop() {
        assertThat(SCHEMA.validate(json("""
                {"uri": "urn:x:1", "rel": "image"}"""), "/ninjs")).extracting(Violation::pointer).containsExactly("/ninjs/rel");
    }

    @Test
    void formatsAreAsserted() {
        List<Violation> violations = SCHEMA.validate(json("""
                {"uri": "not a uri", "versionCreated": "yesterday"}"""), "/ninjs");

        assertThat(violations).extracting(Violation::pointer).containsExactlyInAnyOrder("/ninjs/uri", "/ninjs/versionCreated");
    }

    @Test
    void missingRequiredPropertyIsPointedAt() {
        assertThat(SCHEMA.validate(json("""
                {"uri": "urn:x:1", "headlines": [{"role": "main"}]}"""), "/ninjs"))
                .containsExactly(new Violation("/ninjs/headlines/0/value", "'value' is required"));
    }

    @Test
    void pointerPrefixIsTheCallersAndPropertyNamesAreEscaped() {
        assertThat(SCHEMA.validate(json("""
                {"uri": "urn:x:1", "a/b~c": 1}"""), "/items/3/ninjs")).extracting(Violation::pointer).containsExactly("/items/3/ninjs/a~1b~0c");
    }

    @Test
    void oneSchemaServesManyThreadsWithTheSameVerdicts() throws Exception {
        List<JsonNode> documents = Stream.concat(Standards.shouldPass(), Standards.shouldFail()).map(Standards::read).toList();
        List<List<Violation>> sequential = documents.stream().map(d -> SCHEMA.validate(d, "/ninjs")).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<Violation>>> parallel = documents.stream().map(d -> pool.submit(() -> SCHEMA.validate(d, "/ninjs"))).toList();
            for (int i = 0; i < documents.size(); i++) {
                assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i));
            }
        }
    }

    private static JsonNode json(String text) {
        return NinjsWriter.mapper().readTree(text);
    }
}
