package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** A body may hold the members its request defines, at every level Ponte defines, and nothing else. */
class MembersTest {
    private static final Members GRANT = Members.of("licensor", "products").with("territories", Members.of("include", "exclude"));
    private static final Members TERMS = Members.of("title", "ninjs").withEach("grants", GRANT);

    private static JsonNode json(String text) {
        return NinjsWriter.mapper().readTree(text);
    }

    private static List<String> refused(Members members, String body) {
        Invalid refusal = catchThrowableOfType(Invalid.class, () -> members.check(json(body)));
        assertThat(refusal).as("refused: " + body).isNotNull();
        return refusal.violations().stream().map(Invalid.Violation::pointer).toList();
    }

    @Test
    void theDefinedMembersPass() {
        assertThatCode(() -> TERMS.check(json("""
                {"title": "t", "grants": [{"licensor": "a", "products": ["p"], "territories": {"include": ["IT"], "exclude": []}}]}""")))
                .doesNotThrowAnyException();
    }

    @Test
    void everyUnknownMemberIsNamedByItsPointerAtEveryLevel() {
        assertThat(refused(TERMS, """
                {"titel": "t", "grants": [{"licensor": "a"}, {"licensee": "b", "territories": {"include": ["IT"], "excluding": ["SM"]}}]}"""))
                .containsExactlyInAnyOrder("/titel", "/grants/1/licensee", "/grants/1/territories/excluding");
    }

    @Test
    void aPlainMembersValueIsNotLookedInto() {
        assertThatCode(() -> TERMS.check(json("{\"ninjs\": {\"anything\": {\"goes\": 1}}}"))).doesNotThrowAnyException();
    }

    @Test
    void aValueOfTheWrongTypeIsLeftToWhereItIsRead() {
        assertThatCode(() -> TERMS.check(json("{\"grants\": \"all\"}"))).doesNotThrowAnyException();
        assertThatCode(() -> TERMS.check(json("{\"grants\": [\"all\", {\"territories\": \"everywhere\"}]}"))).doesNotThrowAnyException();
    }

    @Test
    void aNameWithSlashOrTildeIsEscapedInItsPointer() {
        assertThat(refused(TERMS, "{\"a/b~c\": 1}")).containsExactly("/a~1b~0c");
    }

    @Test
    void aBodyWithoutMembersRefusesAnyAndSaysSo() {
        Invalid refusal = catchThrowableOfType(Invalid.class, () -> Members.NONE.check(json("{\"until\": \"2030-01-01T00:00:00Z\"}")));

        assertThat(refusal.violations()).extracting(Invalid.Violation::pointer).containsExactly("/until");
        assertThat(refusal.getMessage()).contains("takes no members");
        assertThatCode(() -> Members.NONE.check(json("{}"))).doesNotThrowAnyException();
    }

    @Test
    void aHostileBodyGetsABoundedRefusal() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"m").append(i).append("\": 1");
        }
        assertThat(refused(TERMS, many.append("}").toString())).hasSize(20);
    }
}
