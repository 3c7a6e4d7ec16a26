package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;

/** The representation a reader gets: from Accept (RFC 9110 section 12.5.1), or ?ninjs= for clients that cannot set it. */
class NegotiationTest {
    private static final String NINJS_22 = "application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"";

    private static Format choose(String accept) {
        return Negotiation.choose(Optional.empty(), accept);
    }

    @Test
    void noAcceptOrAnyTypeIsNinjs31() {
        assertThat(choose(null)).isEqualTo(Format.NINJS);
        assertThat(choose("  ")).isEqualTo(Format.NINJS);
        assertThat(choose("*/*")).isEqualTo(Format.NINJS);
        assertThat(choose("application/*")).isEqualTo(Format.NINJS);
        assertThat(choose("application/json")).isEqualTo(Format.NINJS);
    }

    @Test
    void theNinjs22ProfileIsNinjs22WithOrWithoutItsHashOverHttpOrHttps() {
        assertThat(choose(NINJS_22)).isEqualTo(Format.NINJS_22);
        assertThat(choose("application/json;profile=\"https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#\"")).isEqualTo(Format.NINJS_22);
        assertThat(choose("application/json; profile=\"http://example.com/other\"")).isEqualTo(Format.NINJS);
    }

    @Test
    void eachFeedTypeIsItsFormat() {
        assertThat(choose("application/atom+xml")).isEqualTo(Format.ATOM);
        assertThat(choose("application/rss+xml")).isEqualTo(Format.RSS);
        assertThat(choose("application/vnd.iptc.g2.newsitem+xml")).isEqualTo(Format.NEWSML_G2);
        assertThat(choose("application/vnd.iptc.g2.newsmessage+xml")).isEqualTo(Format.NEWSML_G2);
        assertThat(choose("application/vnd.iptc.g2.packageitem+xml")).isEqualTo(Format.NEWSML_G2);
        assertThat(choose("Application/ATOM+XML")).isEqualTo(Format.ATOM);
    }

    @Test
    void theHighestQualityWinsThenTheOrderTheClientWrote() {
        assertThat(choose("application/atom+xml;q=0.5, application/rss+xml;q=0.9")).isEqualTo(Format.RSS);
        assertThat(choose("application/rss+xml, application/atom+xml")).isEqualTo(Format.RSS);
        assertThat(choose("text/html, application/atom+xml;q=0.1")).isEqualTo(Format.ATOM);
        assertThat(choose("application/atom+xml;q=0, application/json;q=0.2")).isEqualTo(Format.NINJS);
    }

    @Test
    void nothingAcceptableIsA406NamingWhatIsAvailable() {
        assertThatThrownBy(() -> choose("text/html, image/png")).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status).isEqualTo(406);
            assertThat(e.getMessage()).contains("application/atom+xml").contains("ninjs 2.2");
        });
        assertThatThrownBy(() -> choose("application/atom+xml;q=0")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> choose("application/rss+xml;q=abc")).isInstanceOf(HttpError.class);
    }

    @Test
    void theNinjsParameterWinsOverAccept() {
        assertThat(Negotiation.choose(Optional.of("2.2"), "application/atom+xml")).isEqualTo(Format.NINJS_22);
        assertThat(Negotiation.choose(Optional.of("2"), null)).isEqualTo(Format.NINJS_22);
        assertThat(Negotiation.choose(Optional.of("3.1"), NINJS_22)).isEqualTo(Format.NINJS);
        assertThatThrownBy(() -> Negotiation.choose(Optional.of("4"), null)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.violations().getFirst().pointer()).isEqualTo("/ninjs"));
    }

    @Test
    void eachFormatHasItsContentTypes() {
        assertThat(Format.NINJS.itemType).isEqualTo("application/json;charset=utf-8");
        assertThat(Format.ATOM.itemType).isEqualTo("application/atom+xml;type=entry;charset=utf-8");
        assertThat(Format.NEWSML_G2.feedType).startsWith("application/vnd.iptc.g2.newsmessage+xml");
        assertThat(Format.NINJS_22.isJson()).isTrue();
        assertThat(Format.RSS.isJson()).isFalse();
    }
}
