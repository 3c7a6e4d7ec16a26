package ponte.formats;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The project's one Jackson mapper: immutable once built, thread-safe, and expensive enough to build only once. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder()
            // Two values for one key make a document mean different things to different parsers: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Keep decimals as written (a coordinate of 45.10 stays 45.10): Ponte stores documents "exactly as given".
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}
}
