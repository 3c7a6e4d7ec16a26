package ponte.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import ponte.core.Invalid;

class CursorTest {
    @Property
    void everyCursorReadsBackAsItself(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seq) {
        Cursor c = new Cursor(seq);
        assertThat(Cursor.parse("after", c.encode())).isEqualTo(c);
    }

    @Property
    void cursorsSortLikeTheirPositions(@ForAll @LongRange(min = 0, max = 1_000_000) long a, @ForAll @LongRange(min = 0, max = 1_000_000) long b) {
        assertThat(Integer.signum(new Cursor(a).compareTo(new Cursor(b)))).isEqualTo(Long.signum(a - b));
    }

    @org.junit.jupiter.api.Test
    void strayNumbersAndGarbageAreRefused() {
        assertThatThrownBy(() -> Cursor.parse("after", "42")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Cursor.parse("after", "c-1")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Cursor.parse("after", "c!!")).isInstanceOf(Invalid.class);
        assertThat(Cursor.parse("after", null)).isEqualTo(Cursor.START);
    }
}
