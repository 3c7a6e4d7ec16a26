package ponte.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;

/** The cursor of key listings, and key ids. */
class KeyPositionTest {

    @Property
    void aCursorReadsBackAsThePositionItWasMadeFrom(
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999_999L) long micros,
            @ForAll @StringLength(16) @Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'}) String id) {
        KeyPosition position = new KeyPosition(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), new KeyId(id));

        assertThat(KeyPosition.parse("after", position.encode())).isEqualTo(position);
    }

    @Test
    void cursorsFromOtherListsAreRefused() {
        for (String foreign : new String[] {"c2s1", "d2s", "k", "k.", "kzz.0123", "k-1.0123456789abcdef", "k1.0123456789ABCDEF", "kzzzzzzzzzzzz.0123456789abcdef", ""}) {
            assertThatThrownBy(() -> KeyPosition.parse("after", foreign)).as(foreign).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void aKeysIdIsTheStartOfItsSecretsDigestSoAnOperatorCanNameALeakedKey() {
        // printf %s pk_example | sha256sum | cut -c1-16
        assertThat(KeyId.of("pk_example")).isEqualTo(new KeyId("814ac899eaf9c497"));
    }
}
