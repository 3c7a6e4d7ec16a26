package ponte.formats;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A validator built here from IPTC's official files ({@link Standards}), independent of the copy and configuration in main,
 * so that a rendered document is judged by IPTC's schema and not by our reading of it.
 */
public final class OfficialSchema {
    private static final Schema NINJS_3_1 = load("ninjs-schema_3.1.json");
    private static final Schema NINJS_2_2 = load("ninjs-schema_2.2.json");

    private OfficialSchema() {}

    /** What is wrong with the document as ninjs 3.1, one line per error, or nothing. */
    public static List<String> errorsIn(JsonNode document) {
        return NINJS_3_1.validate(document).stream().map(Object::toString).toList();
    }

    /** What is wrong with the document as ninjs 2.2, one line per error, or nothing. */
    public static List<String> errorsIn22(JsonNode document) {
        return NINJS_2_2.validate(document).stream().map(Object::toString).toList();
    }

    private static Schema load(String file) {
        try {
            String geojson = Files.readString(Standards.NINJS.resolve("GeoJSON-schema.json"));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                    .schemas(Map.of("https://geojson.org/schema/GeoJSON.json", geojson))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(Files.readString(Standards.NINJS.resolve(file)), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
