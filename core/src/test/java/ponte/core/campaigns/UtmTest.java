package ponte.core.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UtmTest {
    @Test
    void aBookingUrlWithoutAQueryGainsOne() {
        assertThat(Utm.tag("https://www.trip.com/packages/firenze", "trip-com", "page", "rinascimento"))
                .isEqualTo("https://www.trip.com/packages/firenze?utm_source=trip-com&utm_medium=page&utm_campaign=rinascimento");
    }

    @Test
    void theUrlsOwnParametersAndFragmentAreKeptAndItsUtmParametersReplaced() {
        assertThat(Utm.tag("https://t.example/p?a=1&utm_medium=tv&b=%20x#top", "trip-com", "live", "c"))
                .isEqualTo("https://t.example/p?a=1&b=%20x&utm_source=trip-com&utm_medium=live&utm_campaign=c#top");
    }

    @Test
    void anEmptyQueryOrAFragmentAloneIsHandled() {
        assertThat(Utm.tag("https://t.example/p?#x", "s", "m", "c")).isEqualTo("https://t.example/p?utm_source=s&utm_medium=m&utm_campaign=c#x");
    }
}
