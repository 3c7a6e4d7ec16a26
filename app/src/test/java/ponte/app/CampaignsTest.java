package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.TestNode.ninjs;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Campaigns: Toscana Promozione (IT) promotes its travel video on Trip.com's page (CN) under the licence it gave
 * Trip.com; Rede Ipê (BR) is no party and never learns the campaign exists.
 */
class CampaignsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;
    static String agreement;
    static String ctrip;
    static String tvIpe;
    static String video;
    static String news;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, java.time.Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true)
                .withPoll(Duration.ofMillis(200)));
        keys = Networks.aNetwork(node)
                .agency("toscana", "IT").withKey("admin").withKey("partner").withProducts("toscana-travel", "toscana-news")
                .licensedTo("trip-com", "toscana-travel")
                .partner("trip-com", "CN")
                .partner("rede-ipe", "BR")
                .build();
        agreement = node.get("/v1/agreements", keys.editor("toscana")).json().get("items").get(0).get("id").asString();
        ctrip = outlet("trip-com", "Ctrip", "CN");
        tvIpe = outlet("rede-ipe", "TV Ipê", "BR");
        video = publish("Toscana, Rinascimento senza fine", "toscana-travel");
        news = publish("Regional news", "toscana-news");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static String outlet(String org, String name, String country) {
        return outlet(node, org, name, country);
    }

    static String outlet(TestNode node, String org, String name, String country) {
        TestNode.Answer a = node.post("/v1/orgs/" + org + "/outlets", TestNode.ADMIN,
                "{\"name\":\"" + name + "\",\"kind\":\"web\",\"country\":\"" + country + "\"}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static String publish(String headline, String product) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("it", headline));
        body.putArray("products").add(product);
        TestNode.Answer a = node.post("/v1/items", keys.editor("toscana"), body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static String campaign(String id, String item, String partner, String outlet) {
        return """
                {"id": "%s", "title": "Toscana, Rinascimento senza fine", "agreement": "%s", "items": ["%s"],
                 "channels": [{"id": "page", "partner": "%s", "outlet": "%s", "kind": "page", "url": "https://www.trip.com/toscana"}],
                 "validFrom": "2026-02-01T00:00:00Z", "validTo": "2026-12-31T00:00:00Z", "languages": ["zh-Hans", "it"]}"""
                .formatted(id, agreement, item, partner, outlet);
    }

    @Test
    void ownerCreatesACampaignItsChannelsPartnerSeesAndAnOutsiderDoesNot() {
        TestNode.Answer made = node.post("/v1/campaigns", keys.editor("toscana"), campaign("rinascimento", video, "trip-com", ctrip));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        assertThat(made.json().get("owner").asString()).isEqualTo("toscana");
        assertThat(made.json().get("version").asInt()).isEqualTo(1);

        JsonNode seen = node.get("/v1/campaigns/rinascimento", keys.partner("trip-com")).json();
        assertThat(seen.get("channels").get(0).get("outlet").asString()).isEqualTo(ctrip);
        assertThat(node.get("/v1/campaigns", keys.partner("trip-com")).json().get("items").valueStream().map(c -> c.get("id").asString()))
                .contains("rinascimento");
        TestNode.Answer outsider = node.get("/v1/campaigns/rinascimento", keys.partner("rede-ipe"));
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.contentType()).startsWith("application/problem+json");
        assertThat(node.get("/v1/campaigns", keys.partner("rede-ipe")).json().get("items")).isEmpty();
    }

    @Test
    void aRetryIsTheFirstAnswerAndAnotherCampaignUnderTheSameIdConflicts() {
        String body = campaign("retried", video, "trip-com", ctrip);
        TestNode.Answer first = node.post("/v1/campaigns", keys.editor("toscana"), body);
        TestNode.Answer again = node.post("/v1/campaigns", keys.editor("toscana"), body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(node.post("/v1/campaigns", keys.editor("toscana"), body.replace("Rinascimento", "Medioevo")).status()).isEqualTo(409);
    }

    @Test
    void aChangeIsANewVersionAndTheFirstStaysReadable() {
        assertThat(node.post("/v1/campaigns", keys.editor("toscana"), campaign("amended", video, "trip-com", ctrip)).status()).isEqualTo(201);
        String changed = campaign("amended", video, "trip-com", ctrip).replace("\"id\": \"amended\", ", "").replace("senza fine", "per sempre");
        TestNode.Answer amended = node.put("/v1/campaigns/amended", keys.editor("toscana"), changed);
        assertThat(amended.status()).as(amended.raw().body()).isEqualTo(200);
        assertThat(amended.json().get("version").asInt()).isEqualTo(2);
        JsonNode versions = node.get("/v1/campaigns/amended/versions", keys.partner("trip-com")).json().get("items");
        assertThat(versions.valueStream().map(v -> v.get("title").asString()))
                .containsExactly("Toscana, Rinascimento senza fine", "Toscana, Rinascimento per sempre");
        assertThat(node.put("/v1/campaigns/amended", keys.partner("trip-com"), changed).status()).isEqualTo(403);
    }

    @Test
    void anItemTheAgreementDoesNotGrantTheChannelsPartnerIsRefused() {
        TestNode.Answer refused = node.post("/v1/campaigns", keys.editor("toscana"), campaign("news", news, "trip-com", ctrip));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/items/0");
        assertThat(node.get("/v1/campaigns/news", keys.editor("toscana")).status()).isEqualTo(404);
    }

    @Test
    void aPartnerNoPartyToTheAgreementOrAnOutletNotThePartnersIsRefused() {
        TestNode.Answer outsider = node.post("/v1/campaigns", keys.editor("toscana"), campaign("brazil", video, "rede-ipe", tvIpe));
        assertThat(outsider.status()).isEqualTo(422);
        assertThat(outsider.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/channels/0/partner");
        TestNode.Answer wrongOutlet = node.post("/v1/campaigns", keys.editor("toscana"), campaign("wrong", video, "trip-com", tvIpe));
        assertThat(wrongOutlet.status()).isEqualTo(422);
        assertThat(wrongOutlet.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/channels/0/outlet");
    }

    @Test
    void anUnknownMemberIsRefusedAndAPartnerCannotCreate() {
        String body = campaign("typo", video, "trip-com", ctrip).replace("\"kind\": \"page\"", "\"kind\": \"page\", \"budget\": 1");
        TestNode.Answer typo = node.post("/v1/campaigns", keys.editor("toscana"), body);
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/channels/0/budget");
        assertThat(node.post("/v1/campaigns", keys.partner("trip-com"), campaign("partner", video, "trip-com", ctrip)).status())
                .isEqualTo(403);
    }
}
