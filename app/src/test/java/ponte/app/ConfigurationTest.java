package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void commandLineBeatsEnvironmentBeatsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("ponte.properties"), "port=9000\nhost=0.0.0.0\ndb.url=jdbc:postgresql://db/ponte\n");
        Configuration c = Configuration.load(Optional.of(file), Map.of("PONTE_PORT", "9100"));
        assertThat(c.get("9200", "PONTE_PORT", "port")).contains("9200");
        assertThat(c.get(null, "PONTE_PORT", "port")).contains("9100");
        assertThat(c.get(null, "PONTE_HOST", "host")).contains("0.0.0.0");
        assertThat(c.get(null, "PONTE_KAFKA_BOOTSTRAP", "kafka.bootstrap")).isEmpty();
    }

    @Test
    void fileNamedByEnvironmentIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("other.properties"), "kafka.bootstrap=k1:9092\n");
        Configuration c = Configuration.load(Optional.empty(), Map.of("PONTE_CONFIG", file.toString()));
        assertThat(c.get(null, "PONTE_KAFKA_BOOTSTRAP", "kafka.bootstrap")).contains("k1:9092");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> Configuration.load(Optional.of(dir.resolve("nope.properties")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.properties");
    }
}
