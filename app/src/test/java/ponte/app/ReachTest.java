package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.reviseBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reach: reads recorded off the request path, usage reported by partners, GET /v1/reach for whoever may know, and the
 * recipients of a correction. Italpress (IT) licenses its video to CCTV+ (CN; outlets in Kenya and the United States),
 * Arirang (KR) and RTS (CH); Rede Ipê (BR) has no licence.
 */
class ReachTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;
    static String kenya;
    static String unitedStates;
    static String arirangTv;
    static String tvIpe;
    static Receiver receiver;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, java.time.Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true)
                .withPoll(Duration.ofMillis(200)));
        receiver = new Receiver();
        keys = Networks.aNetwork(node)
                .agency("italpress", "IT").withKey("admin").withKey("partner").withProducts("italpress-video")
                .licensedTo("cctv-plus").licensedTo("arirang").licensedTo("rts")
                .partner("cctv-plus", "CN")
                .partner("arirang", "KR")
                .partner("rts", "CH")
                .partner("rede-ipe", "BR")
                .build();
        kenya = outlet("cctv-plus", "CGTN Africa", "KE");
        unitedStates = outlet("cctv-plus", "CGTN America", "US");
        arirangTv = outlet("arirang", "Arirang TV", "KR");
        tvIpe = outlet("rede-ipe", "TV Ipê", "BR");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    static String outlet(String org, String name, String country) {
        TestNode.Answer a = node.post("/v1/orgs/" + org + "/outlets", TestNode.ADMIN,
                "{\"name\":\"" + name + "\",\"kind\":\"tv\",\"country\":\"" + country + "\"}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static String publish(String headline, String rights) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("en", headline));
        body.putArray("products").add("italpress-video");
        if (rights != null) {
            body.set("rights", NinjsWriter.mapper().readTree(rights));
        }
        TestNode.Answer a = node.post("/v1/items", keys.editor("italpress"), body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static JsonNode reach(String query, String key) {
        TestNode.Answer a = node.get("/v1/reach?" + query, key);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json();
    }

    static TestNode.Answer report(String key, String body) {
        return node.post("/v1/usage", key, body);
    }

    /** One instant for every report, so a retry is byte for byte the report it retries. */
    static final Instant USED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    static String usage(String id, String item, String outlet, String usage, long audience) {
        return "{\"id\":\"%s\",\"item\":\"%s\",\"outlet\":\"%s\",\"usage\":\"%s\",\"at\":\"%s\",\"audience\":%d}"
                .formatted(id, item, outlet, usage, USED_AT, audience);
    }

    static void readFeed(String org) {
        String after = "";
        while (true) {
            TestNode.Answer page = node.get("/v1/feed?limit=500" + after, keys.partner(org));
            assertThat(page.status()).isEqualTo(200);
            if (page.json().get("entries").isEmpty()) {
                return;
            }
            after = "&after=" + page.json().get("next").asString();
        }
    }

    static List<String> values(JsonNode reach, String facet) {
        List<String> out = new ArrayList<>();
        reach.get("facets").get(facet).forEach(b -> out.add(b.get("value").asString()));
        return out;
    }

    static long rows(String sql, String param) throws Exception {
        try (Connection c = node.handle().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aFeedPageCountsEveryEntryOnItAsReadWithOneRowForTheDayNotOneAnEntry() throws Exception {
        List<String> items = List.of(publish("Giant slalom", null), publish("Super-G", null), publish("Downhill", null));
        readFeed("cctv-plus");
        for (String item : items) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> reach("item=" + item, keys.partner("cctv-plus")).get("totals").get("read").asLong() == 1);
        }
        assertThat(rows("select count(*) from feed_reads where org_id = ?", "cctv-plus")).isEqualTo(1);
        assertThat(rows("select count(*) from item_reads where org_id = ?", "cctv-plus")).isZero();
        assertThat(reach("item=" + items.getFirst(), keys.editor("italpress")).get("totals").get("routed").asLong()).isEqualTo(3);
    }

    @Test
    void anItemFetchedByAPartnerIsReadAndAnOwnersOwnFetchIsNot() {
        String item = publish("Curling final", null);
        assertThat(node.get("/v1/items/" + item, keys.editor("italpress")).status()).isEqualTo(200);
        assertThat(node.get("/v1/items/" + item, keys.partner("arirang")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reach("item=" + item, keys.editor("italpress")).get("totals").get("read").asLong() == 1);
        assertThat(reach("item=" + item, keys.partner("arirang")).get("totals").get("read").asLong()).isEqualTo(1);
    }

    @Test
    void aUsageReportRetriedUnderItsIdChangesNoTotal() {
        String item = publish("Opening ceremony special", null);
        TestNode.Answer first = report(keys.partner("cctv-plus"), usage("aired-1", item, kenya, "aired", 1_000));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.json().get("country").asString()).isEqualTo("KE");
        JsonNode before = reach("item=" + item, keys.editor("italpress")).get("totals");
        assertThat(before.get("reported").asLong()).isEqualTo(1);
        assertThat(before.get("audience").asLong()).isEqualTo(1_000);

        TestNode.Answer again = report(keys.partner("cctv-plus"), usage("aired-1", item, kenya, "aired", 1_000));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        TestNode.Answer other = report(keys.partner("cctv-plus"), usage("aired-1", item, kenya, "aired", 2_000));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/id");
        assertThat(reach("item=" + item, keys.editor("italpress")).get("totals")).isEqualTo(before);
    }

    @Test
    void aRetryNamingNoVersionIsTheSameReportAfterACorrection() {
        String item = publish("Giant slalom start list", null);
        TestNode.Answer first = report(keys.partner("cctv-plus"), usage("aired-list", item, kenya, "aired", 500));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(node.put("/v1/items/" + item, keys.editor("italpress"),
                reviseBody(ninjs("en", "Giant slalom start list (corrected)"), "correction")).status()).isEqualTo(200);

        TestNode.Answer again = report(keys.partner("cctv-plus"), usage("aired-list", item, kenya, "aired", 500));
        assertThat(again.status()).as(again.raw().body()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(reach("item=" + item, keys.editor("italpress")).get("totals").get("reported").asLong()).isEqualTo(1);
    }

    @Test
    void anItemThePartnerMayNotReadIsRefusedInTheWordsOfAnUnknownOne() {
        String item = publish("Figure skating gala", null);
        TestNode.Answer unlicensed = report(keys.partner("rede-ipe"), usage("x-1", item, tvIpe, "aired", 10));
        TestNode.Answer unknown = report(keys.partner("rede-ipe"), usage("x-1", "no-such-item", tvIpe, "aired", 10));
        assertThat(unlicensed.status()).isEqualTo(422);
        assertThat(unlicensed.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/item");
        assertThat(unlicensed.json().get("errors")).isEqualTo(unknown.json().get("errors"));
        assertThat(unlicensed.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void aReportNamesOneOfTheReportersOwnOutlets() {
        String item = publish("Ski jumping", null);
        TestNode.Answer a = report(keys.partner("cctv-plus"), usage("o-1", item, arirangTv, "aired", 10));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/outlet");
    }

    @Test
    void aBatchIsTakenWholeOrNotAtAllAndSoIsACsvFile() {
        String item = publish("Biathlon relay", null);
        String bad = "{\"reports\":[" + usage("b-1", item, kenya, "aired", 5) + "," + usage("b-2", item, kenya, "shouted", 5) + "]}";
        TestNode.Answer refused = report(keys.partner("cctv-plus"), bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/reports/1/usage");
        assertThat(reach("item=" + item, keys.editor("italpress")).get("totals").get("reported").asLong()).isZero();

        String good = "{\"reports\":[" + usage("b-1", item, kenya, "aired", 5) + "," + usage("b-2", item, unitedStates, "published", 7) + "]}";
        TestNode.Answer taken = report(keys.partner("cctv-plus"), good);
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(201);
        assertThat(taken.json().get("reports")).hasSize(2);
        // A batch retried with one report more: the two kept are answered as first kept, the new one is taken.
        String more = "{\"reports\":[" + usage("b-1", item, kenya, "aired", 5) + "," + usage("b-3", item, kenya, "viewed", 11) + ","
                + usage("b-2", item, unitedStates, "published", 7) + "]}";
        TestNode.Answer mixed = report(keys.partner("cctv-plus"), more);
        assertThat(mixed.status()).as(mixed.raw().body()).isEqualTo(201);
        assertThat(mixed.json().get("reports")).hasSize(3);
        assertThat(mixed.json().get("reports").get(0)).isEqualTo(taken.json().get("reports").get(0));
        assertThat(mixed.json().get("reports").get(1).get("id").asString()).isEqualTo("b-3");
        assertThat(mixed.json().get("reports").get(2)).isEqualTo(taken.json().get("reports").get(1));

        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30).toString();
        String csv = "id,item,outlet,usage,at,audience\r\n"
                + "c-1," + item + "," + arirangTv + ",aired," + at + ",300\r\n"
                + "c-2," + item + "," + arirangTv + ",viewed," + at + ",\r\n";
        TestNode.Answer uploaded = node.send("POST", "/v1/usage", keys.partner("arirang"), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        JsonNode totals = reach("item=" + item, keys.editor("italpress")).get("totals");
        assertThat(totals.get("reported").asLong()).isEqualTo(5);
        assertThat(totals.get("audience").asLong()).isEqualTo(323);
        assertThat(totals.get("outlets").asLong()).isEqualTo(3);
    }

    @Test
    void ownersSeeEveryPartnerAPartnerOnlyItselfAndAnyoneElseNothing() {
        String item = publish("Ice hockey final", null);
        assertThat(values(reach("item=" + item, keys.editor("italpress")), "partner")).containsExactlyInAnyOrder("cctv-plus", "arirang", "rts");
        assertThat(values(reach("item=" + item, keys.partner("cctv-plus")), "partner")).containsExactly("cctv-plus");
        assertThat(values(reach("product=italpress-video", keys.partner("arirang")), "partner")).containsExactly("arirang");
        assertThat(node.get("/v1/reach?item=" + item, keys.partner("rede-ipe")).status()).isEqualTo(404);
        assertThat(node.get("/v1/reach?product=italpress-video", keys.partner("rede-ipe")).status()).isEqualTo(404);
        assertThat(node.get("/v1/reach?item=" + item, TestNode.ADMIN).status()).isEqualTo(404);
        assertThat(node.get("/v1/reach?item=no-such-item", keys.editor("italpress")).status()).isEqualTo(404);
        assertThat(node.get("/v1/reach?item=" + item, keys.partner("italpress")).status()).isEqualTo(403);
        assertThat(node.get("/v1/reach?item=" + item + "&product=italpress-video", keys.editor("italpress")).status()).isEqualTo(422);
    }

    @Test
    void aPartnerCountsInTheCountriesTheRightsAllowAndAReportInItsOutletsCountry() {
        String item = publish("Medal ceremony", "{\"territories\":{\"exclude\":[\"US\"]}}");
        JsonNode routed = reach("item=" + item, keys.editor("italpress"));
        assertThat(values(routed, "country")).containsExactlyInAnyOrder("CN", "KE", "KR", "CH");
        assertThat(routed.get("totals").get("countries").asLong()).isEqualTo(4);
        assertThat(report(keys.partner("cctv-plus"), usage("us-1", item, unitedStates, "aired", 50)).status()).isEqualTo(201);
        assertThat(values(reach("item=" + item, keys.editor("italpress")), "country")).contains("US");
    }

    @Test
    void theCsvAnswerHoldsWhatTheJsonAnswerHolds() {
        String item = publish("Closing ceremony", null);
        assertThat(report(keys.partner("cctv-plus"), usage("cl-1", item, kenya, "aired", 70)).status()).isEqualTo(201);
        JsonNode json = reach("item=" + item, keys.editor("italpress"));
        TestNode.Answer csv = node.get("/v1/reach?item=" + item, keys.editor("italpress"), "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(fromCsv(csv.raw().body())).isEqualTo(json);
    }

    /** The reach JSON rebuilt from its CSV, by the layout ReachResource documents. */
    static JsonNode fromCsv(String csv) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        ObjectNode totals = body.putObject("totals");
        ObjectNode facets = body.putObject("facets");
        for (String facet : List.of("country", "outlet", "partner", "language", "licensor")) {
            facets.putArray(facet);
        }
        var histogram = body.putArray("histogram");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("section,name,value,label,count");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            switch (f[0]) {
                case "total" -> totals.put(f[1], Long.parseLong(f[4]));
                case "facet" -> {
                    ObjectNode b = ((tools.jackson.databind.node.ArrayNode) facets.get(f[1])).addObject().put("value", f[2]);
                    if (!f[3].isEmpty()) {
                        b.put("name", f[3]);
                    }
                    b.put("count", Long.parseLong(f[4]));
                }
                case "histogram" -> histogram.addObject().put("day", f[2]).put("count", Long.parseLong(f[4]));
                default -> throw new AssertionError("unknown section " + f[0]);
            }
        }
        return NinjsWriter.mapper().readTree(body.toString()); // numbers as a parser reads them, as the answer's were
    }

    @Test
    void anUnreachedRecipientIsOutstandingUntilItReadsTheCorrection() {
        String item = publish("Men's slalom results", null);
        readFeed("cctv-plus");
        TestNode.Answer corrected = node.put("/v1/items/" + item, keys.editor("italpress"),
                reviseBody(ninjs("en", "Men's slalom results (corrected)"), "correction"));
        assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(200);

        Map<String, String> states = states(node.get("/v1/items/" + item + "/recipients", keys.editor("italpress")).json());
        assertThat(states).containsEntry("rts", "outstanding").containsEntry("cctv-plus", "outstanding");
        assertThat(states(node.get("/v1/items/" + item + "/recipients?outstanding=true", keys.editor("italpress")).json())).containsKey("rts");

        readFeed("rts");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "read".equals(states(node.get("/v1/items/" + item + "/recipients", keys.editor("italpress")).json()).get("rts")));
        JsonNode list = node.get("/v1/items/" + item + "/recipients", keys.editor("italpress")).json();
        assertThat(list.get("event").asString()).isEqualTo("corrected");
        assertThat(list.get("version").asInt()).isEqualTo(2);
        list.get("items").forEach(r -> {
            if (r.get("partner").asString().equals("rts")) {
                assertThat(r.get("readAt")).isNotNull();
            }
        });
        assertThat(states(node.get("/v1/items/" + item + "/recipients?outstanding=true", keys.editor("italpress")).json())).doesNotContainKey("rts");
        assertThat(node.get("/v1/items/" + item + "/recipients", keys.partner("rts")).status()).isEqualTo(404);
    }

    @Test
    void aRecipientWhoseWebhookTookTheCorrectionIsDeliveredWithTheTime() {
        node.endpoint(keys.partner("arirang"), receiver.url("/arirang"), "ninjs", null);
        String item = publish("Pairs skating results", null);
        assertThat(node.put("/v1/items/" + item, keys.editor("italpress"),
                reviseBody(ninjs("en", "Pairs skating results (corrected)"), "correction")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "delivered".equals(states(node.get("/v1/items/" + item + "/recipients", keys.editor("italpress")).json()).get("arirang")));
        node.get("/v1/items/" + item + "/recipients", keys.editor("italpress")).json().get("items").forEach(r -> {
            if (r.get("partner").asString().equals("arirang")) {
                assertThat(r.get("deliveredAt")).isNotNull();
                assertThat(r.get("lastVersion").asInt()).isEqualTo(2);
            }
        });
        assertThat(reach("item=" + item, keys.partner("arirang")).get("totals").get("delivered").asLong()).isEqualTo(2);
    }

    static Map<String, String> states(JsonNode list) {
        Map<String, String> out = new TreeMap<>();
        list.get("items").forEach(r -> out.put(r.get("partner").asString(), r.get("state").asString()));
        return out;
    }
}
