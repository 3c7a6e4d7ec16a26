package ponte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ponte.formats.AtomFeeds.atom;
import static ponte.ingest.FeedServer.ATOM;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ponte.outbound.AddressGuard;

/**
 * One conditional GET against a real server on loopback, through the SSRF guard: the server stands for a public host
 * (the guard trusts its one address), and every other loopback address stays refused, as a private one would be.
 */
class FetcherTest {
    private static final String LAST_MODIFIED = "Fri, 01 May 2026 12:00:00 GMT";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private FeedServer agency;
    private FeedServer intranet;
    private Fetcher fetcher;

    @BeforeEach
    void servers() throws Exception {
        agency = new FeedServer();
        intranet = new FeedServer();
        fetcher = new Fetcher(new AddressGuard(false).trusting(agency.address()), Duration.ofSeconds(2), TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        agency.close();
        intranet.close();
    }

    @Test
    void aFirstFetchReadsTheDocumentAndItsValidators() throws Exception {
        agency.document("/feed", ATOM, atom(), "\"v1\"", LAST_MODIFIED);

        Fetcher.Fetched fetched = fetcher.fetch(agency.url("/feed"), Optional.empty(), Optional.empty());

        assertThat(fetched).isInstanceOfSatisfying(Fetcher.Fetched.Document.class, d -> {
            assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo(atom());
            assertThat(d.contentType()).isEqualTo(ATOM);
            assertThat(d.etag()).contains("\"v1\"");
            assertThat(d.lastModified()).contains(LAST_MODIFIED);
        });
        assertThat(agency.requests()).containsExactly(new FeedServer.Request("/feed", Optional.empty(), Optional.empty()));
    }

    @Test
    void unchangedFeedIsAskedConditionallyAndAnswered304() throws Exception {
        agency.document("/feed", ATOM, atom(), "\"v1\"", LAST_MODIFIED);

        Fetcher.Fetched fetched = fetcher.fetch(agency.url("/feed"), Optional.of("\"v1\""), Optional.of(LAST_MODIFIED));

        assertThat(fetched).isInstanceOf(Fetcher.Fetched.NotModified.class);
        assertThat(agency.requests()).containsExactly(new FeedServer.Request("/feed", Optional.of("\"v1\""), Optional.of(LAST_MODIFIED)));
    }

    @Test
    void changedFeedIsServedWholeWithItsNewValidator() throws Exception {
        agency.document("/feed", ATOM, atom(), "\"v2\"", LAST_MODIFIED);

        Fetcher.Fetched fetched = fetcher.fetch(agency.url("/feed"), Optional.of("\"v1\""), Optional.empty());

        assertThat(fetched).isInstanceOfSatisfying(Fetcher.Fetched.Document.class, d -> assertThat(d.etag()).contains("\"v2\""));
    }

    @Test
    void aMovedFeedIsFollowedThroughARelativeRedirect() throws Exception {
        agency.redirect("/old", 301, "/feed").document("/feed", ATOM, atom(), "\"v1\"", LAST_MODIFIED);

        Fetcher.Fetched fetched = fetcher.fetch(agency.url("/old"), Optional.empty(), Optional.empty());

        assertThat(fetched).isInstanceOf(Fetcher.Fetched.Document.class);
        assertThat(agency.requests()).extracting(FeedServer.Request::path).containsExactly("/old", "/feed");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedByTheGuardAndNeverSent() {
        agency.redirect("/feed", 302, intranet.url("/secrets"));
        intranet.document("/secrets", ATOM, atom(), "\"x\"", LAST_MODIFIED);

        Fetcher.Failed failed = catchThrowableOfType(Fetcher.Failed.class, () -> fetcher.fetch(agency.url("/feed"), Optional.empty(), Optional.empty()));

        assertThat(failed.getMessage()).contains(intranet.url("/secrets")).contains("redirected from " + agency.url("/feed"))
                .contains("refused by the SSRF guard");
        assertThat(intranet.requests()).isEmpty();
    }

    @Test
    void endlessRedirectsStopAfterFiveHops() {
        agency.redirect("/loop", 302, "/loop");

        Fetcher.Failed failed = catchThrowableOfType(Fetcher.Failed.class, () -> fetcher.fetch(agency.url("/loop"), Optional.empty(), Optional.empty()));

        assertThat(failed.getMessage()).isEqualTo("more than 5 redirects from " + agency.url("/loop"));
        assertThat(agency.requests()).hasSize(Fetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void aRedirectOutOfHttpIsRefused() {
        agency.redirect("/feed", 302, "file:///etc/passwd");

        Fetcher.Failed failed = catchThrowableOfType(Fetcher.Failed.class, () -> fetcher.fetch(agency.url("/feed"), Optional.empty(), Optional.empty()));

        assertThat(failed.getMessage()).contains("file:///etc/passwd").contains("is not an http or https url");
    }

    @Test
    void aServerErrorFailsTheFetchNamingTheStatus() {
        agency.status("/feed", 503);

        Fetcher.Failed failed = catchThrowableOfType(Fetcher.Failed.class, () -> fetcher.fetch(agency.url("/feed"), Optional.empty(), Optional.empty()));

        assertThat(failed.getMessage()).isEqualTo("HTTP 503 from " + agency.url("/feed"));
    }

    @Test
    void aSilentServerTimesOutWithinTheRequestTimeout() {
        agency.stall("/feed", TIMEOUT.multipliedBy(5));
        long started = System.nanoTime();

        Fetcher.Failed failed = catchThrowableOfType(Fetcher.Failed.class, () -> fetcher.fetch(agency.url("/feed"), Optional.empty(), Optional.empty()));

        assertThat(failed.getMessage()).startsWith("timed out: " + agency.url("/feed"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
    }
}
