package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** GET /v1/search?type= takes exactly the types ninjs 3.1 allows, read from IPTC's own schema. */
class SearchTypesTest {
    @Test
    void searchTakesEveryTypeTheNinjs31SchemaAllowsAndNoOther() throws Exception {
        JsonNode schema;
        try (InputStream in = NinjsWriter.class.getResourceAsStream("/ponte/formats/ninjs/ninjs-schema_3.1.json")) {
            schema = NinjsWriter.mapper().readTree(in);
        }
        Set<String> allowed = new HashSet<>();
        schema.at("/$defs/newsObjectType/enum").forEach(type -> allowed.add(type.asString()));

        assertThat(allowed).contains("text", "planning");
        assertThat(SearchParameters.TYPES).containsExactlyInAnyOrderElementsOf(allowed);
    }
}
