package ponte.kafka;

import java.util.Objects;

/**
 * Where the log topic lives. One partition gives the total order partners rely on; see docs/operations.md for the
 * limit this sets and what a second partition would cost.
 */
public record KafkaSettings(String bootstrapServers, String topic) {
    public static final String DEFAULT_TOPIC = "ponte.log";

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers);
        Objects.requireNonNull(topic);
    }
}
