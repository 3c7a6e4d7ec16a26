package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jetty.util.UrlEncoded;
import org.junit.jupiter.api.Test;

/**
 * A query string read by name as form-encoded UTF-8: the same answers as Jetty's decoder, without building its map,
 * except that malformed UTF-8 is always refused (Jetty drops a truncated sequence at the end).
 */
class QueryParametersTest {

    @Test
    void aValueIsReadByItsNameDecoded() {
        QueryParameters query = QueryParameters.of("after=c1&limit=50&q=caff%C3%A8+latte");

        assertThat(query.first("after")).contains("c1");
        assertThat(query.first("limit")).contains("50");
        assertThat(query.first("q")).contains("caffè latte");
        assertThat(query.first("ninjs")).isEmpty();
    }

    @Test
    void theFirstOfSeveralValuesCountsAndANameWithoutValueIsEmpty() {
        QueryParameters query = QueryParameters.of("limit=5&limit=7&flag&empty=");

        assertThat(query.first("limit")).contains("5");
        assertThat(query.first("flag")).contains("");
        assertThat(query.first("empty")).contains("");
    }

    @Test
    void aMalformedQueryIsRefusedWhicheverNameIsAsked() {
        for (String bad : new String[] {"after=c%00%ff", "x=%zz&after=c1", "after=%C3", "after=%4"}) {
            assertThatThrownBy(() -> QueryParameters.of(bad).first("after")).as(bad).isInstanceOfSatisfying(HttpError.class,
                    e -> assertThat(e.status).isEqualTo(400));
        }
    }

    @Property(tries = 3_000)
    void answersAsJettysDecoderDoesOrRefusesMalformedUtf8(@ForAll("queries") String raw) {
        Optional<Map<String, String>> jetty = decoded(raw, false);
        QueryParameters query = QueryParameters.of(raw);
        for (String name : new String[] {"a", "b", "after", "é", "a b"}) {
            Optional<String> ours;
            try {
                ours = query.first(name);
            } catch (HttpError refused) {
                // Refused where Jetty refuses, where Jetty told to be lenient decodes a malformed sequence as U+FFFD, or
                // where Jetty drops a pair ending in a truncated sequence without a word.
                assertThat(jetty.isEmpty() || decoded(raw, true).orElseThrow().toString().indexOf('\uFFFD') >= 0
                        || jetty.get().size() < Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).map(p -> p.split("=", 2)[0]).distinct().count())
                        .as(raw).isTrue();
                continue;
            }
            assertThat(jetty).as(raw).isPresent();
            assertThat(ours).as(raw).isEqualTo(Optional.ofNullable(jetty.get().get(name)));
        }
    }

    /** Each name's first value as Jetty decodes the query; empty when Jetty refuses it. */
    private static Optional<Map<String, String>> decoded(String raw, boolean lenient) {
        Map<String, String> first = new LinkedHashMap<>();
        try {
            UrlEncoded.decodeUtf8To(raw, 0, raw.length(), first::putIfAbsent, lenient, lenient, lenient);
            return Optional.of(first);
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "after", "=", "&", "+", "%", "%20", "%C3%A9", "%E4%B8%AD", "%ff", "%C3", "%2", "%zz", "c1", "é", "中", "x"),
                Arbitraries.integers().between(0, 255).map(b -> "%%%02X".formatted(b)));
        return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
