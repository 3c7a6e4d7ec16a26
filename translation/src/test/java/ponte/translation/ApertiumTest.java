package ponte.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.core.translation.MachineTranslation;

/** Apertium as Debian installs it, run for real (CI installs apertium-eng-spa). */
class ApertiumTest {
    private final Apertium apertium = Apertium.installed(Duration.ofSeconds(30)).orElseThrow(
            () -> new AssertionError("apertium with the eng-spa pair must be installed: apt-get install apertium apertium-eng-spa"));

    @Test
    void translatesEnglishToSpanishForReal() {
        assertThat(apertium.translates("en", "es")).isTrue();
        assertThat(apertium.translate("The opening ceremony is tonight in Milan.", false, "en", "es"))
                .startsWith("La ceremonia").endsWith("es esta noche en Milán."); // "inaugural" with Debian's apertium-eng-spa 0.7
    }

    @Test
    void keepsHtmlMarkupAndTheTextsEnd() {
        String out = apertium.translate("<p>The <b>women's</b> downhill</p>", true, "en", "es");
        assertThat(out).startsWith("<p>").endsWith("</p>").contains("<b>").doesNotEndWith("\n");
    }

    @Test
    void isLabelledAsRuleBasedMachineOutput() {
        assertThat(apertium.engine().digitalSourceType()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia");
    }

    @Test
    void refusesAPairItDoesNotHave() {
        assertThat(apertium.translates("en", "ko")).isFalse();
        assertThatThrownBy(() -> apertium.translate("Hello", false, "en", "ko")).isInstanceOf(Invalid.class).hasMessageContaining("no pair from en to ko");
    }

    @Test
    void mapsBcp47TagsToApertiumPairs() {
        assertThat(Apertium.pair("en", "es")).contains("eng-spa");
        assertThat(Apertium.pair("es", "en-GB")).contains("spa-eng");
        assertThat(MachineTranslation.Engine.IPTC).startsWith("http://cv.iptc.org/");
    }
}
