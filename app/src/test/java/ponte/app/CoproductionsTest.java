package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Co-production projects: shares within their framework, approvals as agreements have them, visible to parties only. */
class CoproductionsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir);
        keys = aNetwork(node)
                .agency("italpress", "IT").withKey("admin").withProducts("italpress-video")
                .agency("cctv-plus", "CN").withKey("admin").withProducts("cctv-plus-video")
                .agency("rai", "IT").withKey("admin").withProducts("rai-video")
                .agency("outsider", "JP").withKey("admin").withProducts("outsider-news")
                .build();
        agreement(node, keys, "reciprocal", "italpress", "cctv-plus", "italpress-video", "cctv-plus-video");
        agreement(node, keys, "three-way", "italpress", "cctv-plus", "italpress-video", "cctv-plus-video", "rai");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static void agreement(TestNode node, Networks.Keys keys, String id, String a, String b, String productA, String productB, String... more) {
        StringBuilder parties = new StringBuilder("\"" + a + "\",\"" + b + "\"");
        for (String m : more) {
            parties.append(",\"").append(m).append("\"");
        }
        TestNode.Answer made = node.post("/v1/agreements", keys.editor(a), """
                {"id": "%s", "title": "Terms %s", "parties": [%s], "grants": [
                  {"licensor": "%s", "licensee": "%s", "products": ["%s"]},
                  {"licensor": "%s", "licensee": "%s", "products": ["%s"]}]}""".formatted(id, id, parties, a, b, productA, b, a, productB));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        approve(node, "/v1/agreements/" + id, keys.key(a, "admin"));
        approve(node, "/v1/agreements/" + id, keys.key(b, "admin"));
        for (String m : more) {
            approve(node, "/v1/agreements/" + id, keys.key(m, "admin"));
        }
    }

    static void approve(TestNode node, String path, String key) {
        TestNode.Answer a = node.post(path + "/approve", key, "");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    }

    static String project(String id, String framework, String rules, int leadShare, int coShare) {
        return """
                {"id": "%s", "title": "Milano-Cortina 2026 specials", "agreement": "reciprocal", "framework": "%s"%s,
                 "parties": [
                   {"org": "italpress", "function": "lead", "share": %d, "territories": {"include": ["IT"]}},
                   {"org": "cctv-plus", "function": "co-producer", "share": %d, "territories": {"include": ["*"], "exclude": ["IT"]}}],
                 "languages": ["it", "zh-Hans", "en"],
                 "deliverables": [{"title": "Opening ceremony special", "due": "2026-02-06T19:00:00Z"}]}"""
                .formatted(id, framework, rules == null ? "" : ", \"rules\": " + rules, leadShare, coShare);
    }

    @Test
    void projectFollowsTheAgreementLifecycleAndIsActiveOnceEveryPartyApproved() {
        TestNode.Answer made = node.post("/v1/coproductions", keys.editor("italpress"), project("specials", "coe-2017-bilateral", null, 50, 50));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        assertThat(made.json().get("state").asString()).isEqualTo("draft");
        assertThat(made.json().get("version").asInt()).isEqualTo(1);
        assertThat(made.json().get("awaitingApproval").toString()).isEqualTo("[\"cctv-plus\",\"italpress\"]");
        assertThat(made.json().get("createdBy").asString()).isEqualTo("italpress");
        assertThat(made.json().get("rules").get("minShare").asInt()).isEqualTo(10);

        TestNode.Answer retry = node.post("/v1/coproductions", keys.editor("italpress"), project("specials", "coe-2017-bilateral", null, 50, 50));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("createdAt")).isEqualTo(made.json().get("createdAt"));
        assertThat(node.post("/v1/coproductions", keys.editor("italpress"), project("specials", "coe-2017-bilateral", null, 60, 40)).status())
                .isEqualTo(409);

        approve(node, "/v1/coproductions/specials", keys.key("italpress", "admin"));
        TestNode.Answer last = node.post("/v1/coproductions/specials/approve", keys.key("cctv-plus", "admin"), "{\"version\": 1}");
        assertThat(last.json().get("state").asString()).isEqualTo("active");
        assertThat(last.json().get("approvedBy").toString()).isEqualTo("[\"cctv-plus\",\"italpress\"]");
    }

    @Test
    void amendmentMakesANewVersionAndResetsApprovals() {
        node.post("/v1/coproductions", keys.editor("cctv-plus"), project("amended", "coe-2017-bilateral", null, 50, 50));
        approve(node, "/v1/coproductions/amended", keys.key("italpress", "admin"));
        approve(node, "/v1/coproductions/amended", keys.key("cctv-plus", "admin"));

        TestNode.Answer amended = node.put("/v1/coproductions/amended", keys.editor("italpress"), project("amended", "coe-2017-bilateral", null, 60, 40));
        assertThat(amended.status()).as(amended.raw().body()).isEqualTo(200);
        assertThat(amended.json().get("version").asInt()).isEqualTo(2);
        assertThat(amended.json().get("state").asString()).isEqualTo("draft");
        assertThat(amended.json().get("approvedBy").size()).isZero();

        TestNode.Answer stale = node.post("/v1/coproductions/amended/approve", keys.key("cctv-plus", "admin"), "{\"version\": 1}");
        assertThat(stale.status()).isEqualTo(409);
        JsonNode versions = node.get("/v1/coproductions/amended/versions", keys.editor("cctv-plus")).json();
        assertThat(versions.get("items").size()).isEqualTo(2);
        assertThat(versions.get("items").get(0).get("approvedBy").size()).isEqualTo(2);
        assertThat(versions.get("items").get(1).get("parties").get(0).get("share").asInt()).isEqualTo(60);
    }

    @Test
    void shareOutsideTheBilateralFrameworkIsRefusedNamingThePartyAndTheLimit() {
        TestNode.Answer refused = node.post("/v1/coproductions", keys.editor("italpress"), project("lopsided", "coe-2017-bilateral", null, 95, 5));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/parties/0/share");
        assertThat(errors.get(0).get("detail").asString()).contains("italpress").contains("90%");
        assertThat(errors.get(1).get("pointer").asString()).isEqualTo("/parties/1/share");
        assertThat(errors.get(1).get("detail").asString()).contains("cctv-plus").contains("10%");
        assertThat(node.get("/v1/coproductions/lopsided", keys.editor("italpress")).status()).isEqualTo(404);
    }

    @Test
    void multilateralAndTreatyFrameworksHaveTheirOwnLimits() {
        String three = """
                {"id": "three", "title": "Three-way", "agreement": "three-way", "framework": "coe-2017-multilateral",
                 "parties": [{"org": "italpress", "function": "lead", "share": 81},
                             {"org": "cctv-plus", "function": "co-producer", "share": 15},
                             {"org": "rai", "function": "co-producer", "share": 4}]}""";
        TestNode.Answer refused = node.post("/v1/coproductions", keys.editor("rai"), three);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("detail").asString()).contains("italpress").contains("80%");
        assertThat(refused.json().get("errors").get(1).get("pointer").asString()).isEqualTo("/parties/2/share");
        assertThat(refused.json().get("errors").get(1).get("detail").asString()).contains("rai").contains("5%");

        TestNode.Answer treaty = node.post("/v1/coproductions", keys.editor("italpress"),
                project("treaty", "treaty", "{\"minShare\": 20, \"maxShare\": 70}", 75, 25));
        assertThat(treaty.status()).isEqualTo(422);
        assertThat(treaty.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/parties/0/share");
        assertThat(treaty.json().get("errors").get(0).get("detail").asString()).contains("italpress").contains("70%");
        assertThat(node.post("/v1/coproductions", keys.editor("italpress"),
                project("treaty", "treaty", "{\"minShare\": 20, \"maxShare\": 70}", 70, 30)).status()).isEqualTo(201);
    }

    @Test
    void sharesMustAddUpToAHundred() {
        TestNode.Answer refused = node.post("/v1/coproductions", keys.editor("italpress"), project("short", "coe-2017-bilateral", null, 50, 40));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/parties");
        assertThat(refused.json().get("errors").get(0).get("detail").asString()).contains("90%");
    }

    @Test
    void projectNeedsAnAgreementEveryPartyIsPartyTo() {
        String body = project("no-agreement", "coe-2017-bilateral", null, 50, 50).replace("\"reciprocal\"", "\"three-way-missing\"");
        TestNode.Answer refused = node.post("/v1/coproductions", keys.editor("italpress"), body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/agreement");
    }

    @Test
    void onlyPartiesSeeAProject() {
        node.post("/v1/coproductions", keys.editor("italpress"), project("private", "coe-2017-bilateral", null, 50, 50));
        assertThat(node.get("/v1/coproductions/private", keys.editor("outsider")).status()).isEqualTo(404);
        assertThat(node.get("/v1/coproductions/private/versions", keys.key("outsider", "admin")).status()).isEqualTo(404);
        assertThat(node.post("/v1/coproductions/private/approve", keys.key("outsider", "admin"), "").status()).isEqualTo(404);
        assertThat(node.get("/v1/coproductions/private", TestNode.ADMIN).status()).isEqualTo(404);
        assertThat(node.get("/v1/coproductions", keys.editor("outsider")).json().get("items").toString()).doesNotContain("private");
        assertThat(node.get("/v1/coproductions", keys.editor("cctv-plus")).json().get("items").toString()).contains("\"private\"");
        assertThat(node.post("/v1/coproductions/private/approve", keys.editor("cctv-plus"), "").status()).isEqualTo(403);
    }
}
