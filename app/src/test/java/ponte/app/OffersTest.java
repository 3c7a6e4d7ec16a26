package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offers and tracked links: Toscana Promozione offers a Florence package on Trip.com's Ctrip page and Trip.com's
 * Singapore site; each (offer, channel) has its link, which anyone follows without a key to exactly the booking URL
 * with Ponte's utm parameters; clicks are counted without keeping who clicked, bots apart.
 */
class OffersTest {
    static final String BOOKING = "https://www.trip.com/packages/firenze?lang=zh&utm_source=old#dates";
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0";

    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;
    static String disclosed;
    static String plain;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, java.time.Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true)
                .withPoll(Duration.ofMillis(200)));
        keys = Networks.aNetwork(node)
                .agency("toscana", "IT").withKey("admin").withKey("partner").withProducts("toscana-travel")
                .licensedTo("trip-com", "toscana-travel")
                .partner("trip-com", "CN")
                .build();
        String agreement = node.get("/v1/agreements", keys.editor("toscana")).json().get("items").get(0).get("id").asString();
        String ctrip = CampaignsTest.outlet(node, "trip-com", "Ctrip", "CN");
        String singapore = CampaignsTest.outlet(node, "trip-com", "Trip.com", "SG");
        disclosed = publish(true);
        plain = publish(false);
        TestNode.Answer made = node.post("/v1/campaigns", keys.editor("toscana"), """
                {"id": "rinascimento", "title": "Toscana, Rinascimento senza fine", "agreement": "%s", "items": ["%s", "%s"],
                 "channels": [{"id": "ctrip-page", "partner": "trip-com", "outlet": "%s", "kind": "page"},
                              {"id": "sg-social", "partner": "trip-com", "outlet": "%s", "kind": "social"}]}"""
                .formatted(agreement, disclosed, plain, ctrip, singapore));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static String publish(boolean disclosing) {
        ObjectNode ninjs = ninjs("zh-Hans", "佛罗伦萨文艺复兴之旅");
        if (disclosing) {
            ninjs.putArray("infoSources").addObject().put("name", "Toscana Promozione Turistica").put("role", "sponsor");
            ninjs.put("usageTerms", "Promotional content paid for by Toscana Promozione Turistica.");
            ninjs.put("expires", "2026-12-31T23:59:59Z");
        }
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs);
        body.putArray("products").add("toscana-travel");
        TestNode.Answer a = node.post("/v1/items", keys.editor("toscana"), body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static String offer(String id, String item) {
        return """
                {"id": "%s", "item": "%s", "title": "Firenze, 4 notti", "price": "8990.00", "currency": "CNY",
                 "validFrom": "2026-02-01T00:00:00Z", "validTo": "2026-10-31T00:00:00Z", "bookingUrl": "%s"}"""
                .formatted(id, item, BOOKING);
    }

    static JsonNode offered(String id) {
        TestNode.Answer a = node.post("/v1/campaigns/rinascimento/offers", keys.editor("toscana"), offer(id, disclosed));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json();
    }

    static HttpResponse<byte[]> follow(String path, String... headers) {
        return node.bytes(path, null, headers);
    }

    static String path(JsonNode link) {
        return java.net.URI.create(link.get("url").asString()).getPath();
    }

    @Test
    void anOfferHasAnUnguessableAbsoluteLinkPerChannelAndKeepsItsPriceAsWritten() {
        JsonNode offer = offered("firenze");
        assertThat(offer.get("price").asString()).isEqualTo("8990.00");
        JsonNode links = offer.get("links");
        assertThat(links.valueStream().map(l -> l.get("channel").asString())).containsExactly("ctrip-page", "sg-social");
        for (JsonNode link : links) {
            assertThat(link.get("code").asString()).matches("[a-z2-7]{26}");
            assertThat(link.get("url").asString()).startsWith("http").endsWith("/go/" + link.get("code").asString());
        }
        assertThat(links.get(0).get("code").asString()).isNotEqualTo(links.get(1).get("code").asString());
        assertThat(node.post("/v1/campaigns/rinascimento/offers", keys.editor("toscana"), offer("firenze", disclosed)).json())
                .as("a retry").isEqualTo(offer);
    }

    @Test
    void anItemWithoutTheSponsorsDisclosureCannotPresentAnOffer() {
        TestNode.Answer refused = node.post("/v1/campaigns/rinascimento/offers", keys.editor("toscana"), offer("plain", plain));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("detail").asString()))
                .anyMatch(d -> d.contains("sponsor")).anyMatch(d -> d.contains("usageTerms")).anyMatch(d -> d.contains("expires"));
        assertThat(node.post("/v1/campaigns/rinascimento/offers", keys.editor("toscana"), offer("bad", disclosed).replace("CNY", "XYZ"))
                .json().get("errors").get(0).get("pointer").asString()).isEqualTo("/currency");
        assertThat(node.post("/v1/campaigns/rinascimento/offers", keys.partner("trip-com"), offer("mine", disclosed)).status()).isEqualTo(403);
    }

    @Test
    void aLinkWorksWithoutAKeyAndLeadsExactlyToTheBookingUrlWithPontesUtmParameters() {
        JsonNode link = offered("siena").get("links").get(1);
        HttpResponse<byte[]> answer = follow(path(link), "User-Agent", BROWSER);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).contains(
                "https://www.trip.com/packages/firenze?lang=zh&utm_source=trip-com&utm_medium=social&utm_campaign=rinascimento#dates");
    }

    @Test
    void noQueryParameterBendsALinkIntoAnOpenRedirect() {
        JsonNode link = offered("pisa").get("links").get(0);
        HttpResponse<byte[]> answer = follow(path(link) + "?url=https://evil.example/&redirect=https://evil.example/&next=//evil.example"
                + "&utm_source=evil&utm_campaign=evil", "User-Agent", BROWSER);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).contains(
                "https://www.trip.com/packages/firenze?lang=zh&utm_source=trip-com&utm_medium=page&utm_campaign=rinascimento#dates");
    }

    @Test
    void anUnknownCodeIsAProblemNotARedirect() {
        HttpResponse<byte[]> answer = follow("/go/aaaaaaaaaaaaaaaaaaaaaaaaaa", "User-Agent", BROWSER);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("location")).isEmpty();
    }

    @Test
    void clicksCountPeopleOncePerDayAndBotsApart() {
        JsonNode link = offered("lucca").get("links").get(0);
        String code = link.get("code").asString();
        follow(path(link), "User-Agent", BROWSER);
        follow(path(link), "User-Agent", BROWSER);
        follow(path(link), "User-Agent", BROWSER.replace("17_0", "18_1"));
        follow(path(link), "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        follow(path(link), "User-Agent", BROWSER, "Sec-Purpose", "prefetch;prerender");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode counted = linkNamed(code);
            assertThat(List.of(counted.get("clicks").asLong(), counted.get("uniqueClicks").asLong(), counted.get("botClicks").asLong()))
                    .as("clicks, unique visitors, bots").containsExactly(3L, 2L, 2L);
        });
    }

    static JsonNode linkNamed(String code) {
        for (JsonNode offer : node.get("/v1/campaigns/rinascimento/offers", keys.partner("trip-com")).json().get("items")) {
            for (JsonNode link : offer.get("links")) {
                if (link.get("code").asString().equals(code)) {
                    return link;
                }
            }
        }
        throw new AssertionError("no link " + code);
    }
}
