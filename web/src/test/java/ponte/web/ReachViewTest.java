package ponte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ponte.core.reach.Reach;

/** The reach dashboard's drawings: the bundled world map, its shading, and the form's times. */
class ReachViewTest {

    @Test
    void theMapHasACountryShapeForEveryCountryTheDemoReaches() {
        assertThat(WorldMap.shapes()).extracting(WorldMap.Shape::country).contains("KE", "US", "KR", "BR", "CN", "IT", "RU", "FJ")
                .doesNotContain("AQ");
        assertThat(WorldMap.shapes()).filteredOn(s -> s.country().isEmpty()).hasSizeLessThan(5); // Kosovo, Somaliland, N. Cyprus
    }

    @Test
    void noBorderRunsAcrossTheMap() {
        Pattern ring = Pattern.compile("M([-\\d.]+),([-\\d.]+)(?:l([^MZ]*))?Z");
        Pattern step = Pattern.compile("(-?[\\d.]+),(-?[\\d.]+)");
        for (WorldMap.Shape shape : WorldMap.shapes()) {
            Matcher rings = ring.matcher(shape.path());
            int found = 0;
            while (rings.find()) {
                found++;
                double x = Double.parseDouble(rings.group(1));
                assertThat(x).as(shape.name()).isBetween(-WorldMap.WIDTH / 2.0, WorldMap.WIDTH * 1.5);
                Matcher steps = step.matcher(rings.group(3) == null ? "" : rings.group(3));
                while (steps.find()) {
                    assertThat(Math.abs(Double.parseDouble(steps.group(1)))).as(shape.name()).isLessThan(WorldMap.WIDTH / 2.0);
                }
            }
            assertThat(found).as(shape.name()).isPositive();
        }
    }

    @Test
    void lengthsAreWrittenShort() {
        assertThat(List.of(WorldMap.tenths(0), WorldMap.tenths(5), WorldMap.tenths(-5), WorldMap.tenths(10), WorldMap.tenths(-123)))
                .containsExactly("0", ".5", "-.5", "1", "-12.3");
    }

    @Test
    void shadesGrowWithReachAndTheMostReachedIsDarkest() {
        Reach reach = new Reach(new Reach.Totals(0, 0, 0, 0, 0, 0, 0, 0), List.of(new Reach.Facet("country", List.of(
                new Reach.Bucket("KE", Optional.empty(), 1000), new Reach.Bucket("US", Optional.empty(), 30),
                new Reach.Bucket("KR", Optional.empty(), 1)))), List.of(new Reach.Day(LocalDate.of(2026, 2, 6), 3)));
        ReachView view = ReachView.of(reach, Locale.ITALIAN);
        assertThat(view.map()).filteredOn(c -> c.code().equals("KE")).extracting(ReachView.Country::level).containsExactly(4);
        assertThat(view.map()).filteredOn(c -> c.code().equals("US")).extracting(ReachView.Country::level).containsExactly(2);
        assertThat(view.map()).filteredOn(c -> c.code().equals("KR")).extracting(ReachView.Country::level).containsExactly(1);
        assertThat(view.map()).filteredOn(c -> c.code().equals("BR")).extracting(ReachView.Country::level).containsExactly(0);
        assertThat(view.countries()).extracting(ReachView.Row::label).containsExactly("Kenya", "Stati Uniti", "Corea del Sud");
    }

    @Test
    void aFormsLocalTimeIsTakenAsUtc() {
        assertThat(ReachPages.atFromForm("2026-02-06T19:00")).isEqualTo("2026-02-06T19:00:00Z");
        assertThat(ReachPages.atFromForm("2026-02-06T19:00:30")).isEqualTo("2026-02-06T19:00:30Z");
        assertThat(ReachPages.atFromForm("yesterday")).isEqualTo("yesterday");
    }
}
