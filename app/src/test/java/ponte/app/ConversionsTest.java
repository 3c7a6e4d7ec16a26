package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.reach.Csv;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversions and the funnel: Trip.com reports the bookings Toscana Promozione's packages brought on its Ctrip page and
 * its Singapore site; a retry under the same id counts once, euros and yuan are never added together, the funnel is
 * exactly the views, clicks and bookings that happened, as JSON and as CSV, and Rede Ipê, no party, learns nothing.
 */
class ConversionsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;
    static String agreement;
    static String ctrip;
    static String singapore;
    static String zh;
    static String it;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, java.time.Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true)
                .withPoll(Duration.ofMillis(200)));
        keys = Networks.aNetwork(node)
                .agency("toscana", "IT").withKey("admin").withKey("partner").withProducts("toscana-travel")
                .licensedTo("trip-com", "toscana-travel")
                .partner("trip-com", "CN").withKey("editor").withKey("admin")
                .partner("arirang", "KR").withKey("admin")
                .partner("rede-ipe", "BR")
                .build();
        agreement = node.get("/v1/agreements", keys.editor("toscana")).json().get("items").get(0).get("id").asString();
        ctrip = CampaignsTest.outlet(node, "trip-com", "Ctrip", "CN");
        singapore = CampaignsTest.outlet(node, "trip-com", "Trip.com", "SG");
        zh = publish("zh-Hans", "佛罗伦萨文艺复兴之旅");
        it = publish("it", "Firenze, il Rinascimento senza fine");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static String publish(String language, String headline) {
        ObjectNode ninjs = TestNode.ninjs(language, headline);
        ninjs.putArray("infoSources").addObject().put("name", "Toscana Promozione Turistica").put("role", "sponsor");
        ninjs.put("usageTerms", "Promotional content paid for by Toscana Promozione Turistica.");
        ninjs.put("expires", "2026-12-31T23:59:59Z");
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs);
        body.putArray("products").add("toscana-travel");
        TestNode.Answer a = node.post("/v1/items", keys.editor("toscana"), body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    /** A campaign on the Ctrip page and the Singapore site, with a package in yuan (the Chinese item) and one in euros. */
    static void campaign(String id) {
        TestNode.Answer made = node.post("/v1/campaigns", keys.editor("toscana"), """
                {"id": "%s", "title": "Toscana, Rinascimento senza fine", "agreement": "%s", "items": ["%s", "%s"],
                 "channels": [{"id": "ctrip-page", "partner": "trip-com", "outlet": "%s", "kind": "page"},
                              {"id": "sg-page", "partner": "trip-com", "outlet": "%s", "kind": "page"}]}"""
                .formatted(id, agreement, zh, it, ctrip, singapore));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        offer(id, "firenze", zh, "12800.00", "CNY");
        offer(id, "siena", it, "1290.00", "EUR");
    }

    static JsonNode offer(String campaign, String id, String item, String price, String currency) {
        TestNode.Answer a = node.post("/v1/campaigns/" + campaign + "/offers", keys.editor("toscana"), """
                {"id": "%s", "item": "%s", "title": "Package %s", "price": "%s", "currency": "%s",
                 "bookingUrl": "https://www.trip.com/packages/%s"}""".formatted(id, item, id, price, currency, id));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json();
    }

    /** The code of the offer's link on the channel. */
    static String link(String campaign, String offer, String channel) {
        for (JsonNode o : node.get("/v1/campaigns/" + campaign + "/offers", keys.editor("toscana")).json().get("items")) {
            for (JsonNode l : o.get("links")) {
                if (o.get("id").asString().equals(offer) && l.get("channel").asString().equals(channel)) {
                    return l.get("code").asString();
                }
            }
        }
        throw new AssertionError("no link of " + offer + " on " + channel);
    }

    static String byLink(String id, String code, String at, int bookings, String revenue, String currency) {
        return """
                {"id": "%s", "link": "%s", "at": "%s", "bookings": %d, "revenue": "%s", "currency": "%s"}"""
                .formatted(id, code, at, bookings, revenue, currency);
    }

    static JsonNode funnel(String campaign, String key) {
        TestNode.Answer a = node.get("/v1/campaigns/" + campaign + "/funnel", key);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void aRetryWithTheSameBodyIsTheFirstAnswerAndCountsOnceAndAnotherBodyUnderTheIdIsRefused() {
        campaign("retry");
        String body = byLink("order-1", link("retry", "siena", "ctrip-page"), "2026-03-02T10:00:00Z", 2, "2580.00", "EUR");
        TestNode.Answer first = node.post("/v1/conversions", keys.partner("trip-com"), body);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.json().get("channel").asString()).isEqualTo("ctrip-page");
        JsonNode before = funnel("retry", keys.editor("toscana")).get("totals");

        TestNode.Answer again = node.post("/v1/conversions", keys.partner("trip-com"), body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        TestNode.Answer other = node.post("/v1/conversions", keys.partner("trip-com"), body.replace("2580.00", "2600.00"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/id");
        TestNode.Answer inBatch = node.post("/v1/conversions", keys.partner("trip-com"), "{\"conversions\": [" + body + ", "
                + byLink("order-2", link("retry", "firenze", "sg-page"), "2026-03-02T11:00:00Z", 1, "12800.00", "CNY") + "]}");
        assertThat(inBatch.status()).as(inBatch.raw().body()).isEqualTo(201);
        assertThat(inBatch.json().get("conversions").get(0)).isEqualTo(first.json());

        JsonNode after = funnel("retry", keys.editor("toscana")).get("totals");
        assertThat(before.get("bookings").asLong()).isEqualTo(2);
        assertThat(before.get("revenue").get("EUR").asString()).isEqualTo("2580.00");
        assertThat(after.get("bookings").asLong()).isEqualTo(3);
        assertThat(after.get("revenue").get("EUR").asString()).as("the retry counted once").isEqualTo("2580.00");
    }

    @Test
    void eurosAndYuanAreNeverAddedTogether() {
        campaign("currencies");
        String siena = link("currencies", "siena", "ctrip-page");
        String firenze = link("currencies", "firenze", "ctrip-page");
        TestNode.Answer taken = node.post("/v1/conversions", keys.partner("trip-com"), "{\"conversions\": ["
                + byLink("eur-1", siena, "2026-03-03T09:00:00Z", 1, "1290.00", "EUR") + ", "
                + byLink("eur-2", siena, "2026-03-03T10:00:00Z", 1, "10.5", "EUR") + ", "
                + byLink("cny-1", firenze, "2026-03-03T11:00:00Z", 1, "12800.00", "CNY") + ", "
                + "{\"id\": \"cny-2\", \"campaign\": \"currencies\", \"offer\": \"firenze\", \"channel\": \"sg-page\", \"at\": \"2026-03-04T09:00:00Z\","
                + " \"bookings\": 2, \"revenue\": \"25600.00\", \"currency\": \"CNY\"}]}");
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(201);

        JsonNode funnel = funnel("currencies", keys.editor("toscana"));
        assertThat(funnel.get("totals").get("revenue").properties()).hasSize(2);
        assertThat(funnel.get("totals").get("revenue").get("EUR").asString()).isEqualTo("1300.50");
        assertThat(funnel.get("totals").get("revenue").get("CNY").asString()).isEqualTo("38400.00");
        JsonNode sg = funnel.get("facets").get("channel").get(1);
        assertThat(sg.get("value").asString()).isEqualTo("sg-page");
        assertThat(sg.get("bookings").asLong()).isEqualTo(2);
        assertThat(sg.get("revenue").get("CNY").asString()).isEqualTo("25600.00");
        assertThat(sg.get("revenue").has("EUR")).isFalse();
    }

    @Test
    void theFunnelIsExactlyTheViewsClicksAndBookingsThatHappenedAndItsCsvSaysTheSame() {
        campaign("raw");
        String firenze = link("raw", "firenze", "ctrip-page");
        String siena = link("raw", "siena", "sg-page");
        for (int i = 0; i < 3; i++) {
            assertThat(node.bytes("/go/" + firenze, null, "User-Agent", OffersTest.BROWSER + " visitor-" + i).statusCode()).isEqualTo(302);
        }
        assertThat(node.bytes("/go/" + siena, null, "User-Agent", OffersTest.BROWSER).statusCode()).isEqualTo(302);
        assertThat(node.bytes("/go/" + siena, null, "User-Agent", "Googlebot/2.1").statusCode()).as("a bot, not counted").isEqualTo(302);
        usage("view-1", zh, ctrip, "viewed", "2026-03-01T20:00:00Z", ", \"audience\": 1200");
        usage("view-2", it, singapore, "viewed", "2026-03-01T21:00:00Z", "");
        usage("aired-1", zh, ctrip, "aired", "2026-03-01T20:00:00Z", ", \"audience\": 99999");
        assertThat(node.post("/v1/conversions", keys.partner("trip-com"), "{\"conversions\": ["
                + byLink("raw-1", firenze, "2026-03-02T09:00:00Z", 2, "25600.00", "CNY") + ", "
                + byLink("raw-2", siena, "2026-03-02T10:00:00Z", 1, "1290.00", "EUR") + "]}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> funnel("raw", keys.editor("toscana")).get("totals").get("clicks").asLong() == 4);
        JsonNode funnel = funnel("raw", keys.editor("toscana"));
        JsonNode totals = funnel.get("totals");
        assertThat(List.of(totals.get("views").asLong(), totals.get("clicks").asLong(), totals.get("bookings").asLong()))
                .as("views (1200 + one without an audience; aired is no view), clicks (people), bookings").containsExactly(1201L, 4L, 3L);
        JsonNode channels = funnel.get("facets").get("channel");
        assertThat(channels.get(0).get("name").asString()).isEqualTo("Ctrip");
        assertThat(List.of(channels.get(0).get("views").asLong(), channels.get(0).get("clicks").asLong(), channels.get(0).get("bookings").asLong()))
                .containsExactly(1200L, 3L, 2L);
        assertThat(List.of(channels.get(1).get("views").asLong(), channels.get(1).get("clicks").asLong(), channels.get(1).get("bookings").asLong()))
                .containsExactly(1L, 1L, 1L);
        JsonNode languages = funnel.get("facets").get("language");
        assertThat(languages.valueStream().map(l -> l.get("value").asString() + ":" + l.get("clicks").asLong() + ":" + l.get("bookings").asLong()))
                .containsExactly("it:1:1", "zh-Hans:3:2");
        JsonNode offers = funnel.get("facets").get("offer");
        assertThat(offers.get(0).get("value").asString()).isEqualTo("firenze");
        assertThat(offers.get(0).get("revenue").get("CNY").asString()).isEqualTo("25600.00");
        assertThat(funnel.get("histogram").valueStream().map(d -> d.get("day").asString()).toList())
                .startsWith("2026-03-01", "2026-03-02").hasSize(3);

        TestNode.Answer csv = node.get("/v1/campaigns/raw/funnel", keys.editor("toscana"), "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(fromCsv(csv.raw().body())).isEqualTo(funnel);
    }

    static void usage(String id, String item, String outlet, String kind, String at, String audience) {
        TestNode.Answer a = node.post("/v1/usage", keys.partner("trip-com"), """
                {"id": "%s", "item": "%s", "outlet": "%s", "usage": "%s", "at": "%s"%s}""".formatted(id, item, outlet, kind, at, audience));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    }

    /** The funnel JSON rebuilt from its CSV, by the layout FunnelCsv documents. */
    static JsonNode fromCsv(String csv) {
        List<List<String>> rows = Csv.read(csv);
        assertThat(String.join(",", rows.getFirst())).isEqualTo("section,name,value,label,stage,currency,amount");
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        ObjectNode totals = body.putObject("totals");
        ObjectNode facets = body.putObject("facets");
        var histogram = body.putArray("histogram");
        ObjectNode current = null;
        for (List<String> r : rows.subList(1, rows.size())) {
            ObjectNode target = switch (r.get(0)) {
                case "total" -> totals;
                case "facet" -> {
                    var list = facets.has(r.get(1)) ? (tools.jackson.databind.node.ArrayNode) facets.get(r.get(1)) : facets.putArray(r.get(1));
                    if (r.get(4).equals("views")) {
                        current = list.addObject().put("value", r.get(2));
                        if (!r.get(3).isEmpty()) {
                            current.put("name", r.get(3));
                        }
                    }
                    yield current;
                }
                default -> {
                    if (r.get(4).equals("views")) {
                        current = histogram.addObject().put("day", r.get(2));
                    }
                    yield current;
                }
            };
            if (r.get(4).equals("revenue")) {
                ((ObjectNode) target.get("revenue")).put(r.get(5), r.get(6));
            } else {
                target.put(r.get(4), Long.parseLong(r.get(6)));
                if (r.get(4).equals("bookings")) {
                    target.putObject("revenue");
                }
            }
        }
        return NinjsWriter.mapper().readTree(body.toString()); // numbers as the JSON answer's parser makes them
    }

    @Test
    void eachChannelsPartnerCountsOnlyItsOwnChannelsAndTheOwnerCountsThemAll() {
        TestNode.Answer proposed = node.post("/v1/agreements", keys.editor("toscana"), """
                {"id": "three-way", "title": "Tuscany on Trip.com and Arirang", "parties": ["toscana", "trip-com", "arirang"],
                 "validFrom": "2026-01-01T00:00:00Z", "grants": [
                   {"licensor": "toscana", "licensee": "trip-com", "products": ["toscana-travel"], "territories": {"include": ["*"]}},
                   {"licensor": "toscana", "licensee": "arirang", "products": ["toscana-travel"], "territories": {"include": ["*"]}}]}""");
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
        for (String admin : List.of(keys.key("toscana", "admin"), keys.key("trip-com", "admin"), keys.key("arirang", "admin"))) {
            assertThat(node.post("/v1/agreements/three-way/approve", admin, "").status()).isEqualTo(200);
        }
        String arirangTv = CampaignsTest.outlet(node, "arirang", "Arirang TV", "KR");
        TestNode.Answer made = node.post("/v1/campaigns", keys.editor("toscana"), """
                {"id": "shared", "title": "Toscana in Asia", "agreement": "three-way", "items": ["%s"],
                 "channels": [{"id": "ctrip-page", "partner": "trip-com", "outlet": "%s", "kind": "page"},
                              {"id": "arirang-page", "partner": "arirang", "outlet": "%s", "kind": "page"}]}"""
                .formatted(it, ctrip, arirangTv));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        offer("shared", "siena", it, "1290.00", "EUR");
        String tripLink = link("shared", "siena", "ctrip-page");
        String arirangLink = link("shared", "siena", "arirang-page");
        assertThat(node.post("/v1/conversions", keys.partner("trip-com"), byLink("shared-1", tripLink, "2026-03-05T09:00:00Z", 2, "2580.00", "EUR"))
                .status()).isEqualTo(201);
        assertThat(node.post("/v1/conversions", keys.partner("arirang"), byLink("shared-1", arirangLink, "2026-03-05T10:00:00Z", 1, "1290.00", "EUR"))
                .status()).as("ids are each partner's own").isEqualTo(201);
        assertThat(node.post("/v1/conversions", keys.partner("arirang"), byLink("shared-2", tripLink, "2026-03-05T10:00:00Z", 1, "1290.00", "EUR"))
                .json().get("errors").get(0).get("detail").asString()).as("another partner's link").isEqualTo("no such link");

        JsonNode trip = funnel("shared", keys.partner("trip-com"));
        assertThat(trip.get("facets").get("channel").valueStream().map(c -> c.get("value").asString())).containsExactly("ctrip-page");
        assertThat(trip.get("totals").get("bookings").asLong()).isEqualTo(2);
        JsonNode arirang = funnel("shared", keys.key("arirang", "admin"));
        assertThat(arirang.get("facets").get("channel").valueStream().map(c -> c.get("value").asString())).containsExactly("arirang-page");
        assertThat(arirang.get("totals").get("revenue").get("EUR").asString()).isEqualTo("1290.00");
        JsonNode owner = funnel("shared", keys.editor("toscana"));
        assertThat(owner.get("facets").get("channel")).hasSize(2);
        assertThat(owner.get("totals").get("revenue").get("EUR").asString()).isEqualTo("3870.00");
    }

    @Test
    void anOrgOutsideTheCampaignLearnsNothingOfItsLinksOrItsFunnel() {
        campaign("secret");
        String code = link("secret", "siena", "ctrip-page");
        assertThat(node.get("/v1/campaigns/secret/funnel", keys.partner("rede-ipe")).status()).isEqualTo(404);
        assertThat(node.get("/v1/campaigns/nowhere/funnel", keys.partner("rede-ipe")).status()).isEqualTo(404);
        TestNode.Answer byLink = node.post("/v1/conversions", keys.partner("rede-ipe"), byLink("x-1", code, "2026-03-02T10:00:00Z", 1, "1.00", "EUR"));
        TestNode.Answer unknownLink = node.post("/v1/conversions", keys.partner("rede-ipe"),
                byLink("x-1", "aaaaaaaaaaaaaaaaaaaaaaaaaa", "2026-03-02T10:00:00Z", 1, "1.00", "EUR"));
        assertThat(byLink.status()).isEqualTo(422);
        assertThat(byLink.json().get("errors")).isEqualTo(unknownLink.json().get("errors"));
        String byOffer = "{\"id\": \"x-2\", \"campaign\": \"%s\", \"offer\": \"siena\", \"at\": \"2026-03-02T10:00:00Z\", \"bookings\": 1,"
                + " \"revenue\": \"1.00\", \"currency\": \"EUR\"}";
        TestNode.Answer known = node.post("/v1/conversions", keys.partner("rede-ipe"), byOffer.formatted("secret"));
        TestNode.Answer unknown = node.post("/v1/conversions", keys.partner("rede-ipe"), byOffer.formatted("nowhere"));
        assertThat(known.status()).isEqualTo(422);
        assertThat(known.json().get("errors")).isEqualTo(unknown.json().get("errors"));
        assertThat(funnel("secret", keys.partner("trip-com")).get("totals").get("bookings").asLong()).isZero();
        assertThat(node.get("/v1/campaigns/secret/funnel", keys.partner("toscana")).status()).as("the owner's partner key").isEqualTo(403);
    }
}
