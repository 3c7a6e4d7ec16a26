package ponte.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void itemIdsSortByTheMillisecondTheyWereMade() {
        List<String> made = new ArrayList<>();
        for (long millis = 0; millis < 2_000_000_000_000L; millis += 7_777_777_777L) {
            made.add(new Ids(new SplittableRandom(millis), Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).nextInOrder());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsMadeInOneMillisecondShareTheirTimeAndDifferInTheRest() {
        Ids ids = new Ids(new SplittableRandom(1), Clock.fixed(Instant.parse("2026-12-06T17:00:00Z"), ZoneOffset.UTC));
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.nextInOrder();
            assertThat(id).hasSize(20).matches("[0-9a-hjkmnp-tv-z]{20}").startsWith("01m964rmm0");
            assertThat(Ids.URL_SAFE.matcher(id).matches()).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void otherIdsStaySixteenRandomCharacters() {
        String id = new Ids(new SplittableRandom(2)).next();
        assertThat(id).hasSize(16).matches("[0-9a-hjkmnp-tv-z]{16}");
    }
}
