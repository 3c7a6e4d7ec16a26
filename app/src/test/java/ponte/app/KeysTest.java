package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * An org's admins issue, list and revoke its keys; a revoked or expired key opens nothing (on another node: within
 * the stated bound, {@link SeveralNodesTest}).
 */
class KeysTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final MovableClock clock = new MovableClock(T0);

    @TempDir
    static Path dataDir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dataDir, clock);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    /** A key as issued: its id and its secret. */
    record Issued(String id, String secret, JsonNode answer) {}

    static Issued issue(TestNode on, String org, String byKey, String body) {
        TestNode.Answer a = on.post("/v1/orgs/" + org + "/keys", byKey, body);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return new Issued(a.json().get("id").asString(), a.json().get("key").asString(), a.json());
    }

    static boolean opens(TestNode on, String org, String secret) {
        int status = on.get("/v1/orgs/" + org, secret).status();
        assertThat(status).isIn(200, 401);
        return status == 200;
    }

    @Test
    void anAdminListsItsOrgsKeysWithLabelsAndExpiriesButNeverASecret() {
        node.org("listed", "IT");
        Issued admin = issue(node, "listed", TestNode.ADMIN, "{\"role\":\"admin\",\"label\":\"Desk admin\"}");
        clock.advance(Duration.ofMinutes(1));
        Issued ingest = issue(node, "listed", admin.secret(), "{\"role\":\"partner\",\"label\":\"아리랑 ingest, staging 🎬\","
                + "\"expiresAt\":\"2026-06-30T00:00:00Z\"}");
        assertThat(ingest.answer().get("expiresAt").asString()).isEqualTo("2026-06-30T00:00:00Z");

        TestNode.Answer list = node.get("/v1/orgs/listed/keys", admin.secret());

        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().get("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("id").asString()).isEqualTo(admin.id());
        assertThat(first.get("role").asString()).isEqualTo("admin");
        assertThat(first.get("label").asString()).isEqualTo("Desk admin");
        assertThat(first.get("expiresAt").isNull()).isTrue();
        JsonNode second = items.get(1);
        assertThat(second.get("id").asString()).isEqualTo(ingest.id());
        assertThat(second.get("role").asString()).isEqualTo("partner");
        assertThat(second.get("label").asString()).isEqualTo("아리랑 ingest, staging 🎬");
        assertThat(second.get("expiresAt").asString()).isEqualTo("2026-06-30T00:00:00Z");
        assertThat(second.get("createdAt").asString()).isNotEmpty();
        assertThat(list.raw().body()).doesNotContain(admin.secret()).doesNotContain(ingest.secret());
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "org", "role", "label", "createdAt", "lastUsedAt", "expiresAt");
        assertThat(list.json().get("next").isNull()).as("one short page: the last").isTrue();
    }

    @Test
    void theOperatorListsAnyOrgsKeysAndOtherKeysMayNot() {
        node.org("guarded", "IT");
        String editor = node.key("guarded", "editor");
        node.org("neighbour", "FR");
        String neighbourAdmin = node.key("neighbour", "admin");

        assertThat(node.get("/v1/orgs/guarded/keys", TestNode.ADMIN).json().get("items")).hasSize(1);
        assertThat(node.get("/v1/orgs/guarded/keys", editor).status()).isEqualTo(403);
        assertThat(node.get("/v1/orgs/guarded/keys", neighbourAdmin).status()).isEqualTo(403);
        assertThat(node.get("/v1/orgs/nobody/keys", TestNode.ADMIN).status()).isEqualTo(404);
        assertThat(node.get("/v1/orgs/guarded/keys", null).status()).isEqualTo(401);
    }

    @Test
    void pagesOfKeysFollowOnWithoutSkippingOrRepeatingEvenAcrossARevocation() {
        node.org("paged", "IT");
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            issued.add(issue(node, "paged", TestNode.ADMIN, "{\"role\":\"editor\"}").id());
            clock.advance(Duration.ofSeconds(1));
        }

        List<String> seen = new ArrayList<>();
        String path = "/v1/orgs/paged/keys?limit=3";
        while (path != null) {
            TestNode.Answer page = node.get(path, TestNode.ADMIN);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(k -> seen.add(k.get("id").asString()));
            if (seen.size() == 3) {
                // The last key of the first page goes away before the second page is read.
                assertThat(node.delete("/v1/orgs/paged/keys/" + seen.getLast(), TestNode.ADMIN, "").status()).isEqualTo(204);
            }
            String link = page.header("link");
            if (!page.json().get("next").isNull()) {
                assertThat(link).isEqualTo("</v1/orgs/paged/keys?limit=3&after=" + page.json().get("next").asString() + ">; rel=\"next\"");
                path = link.substring(1, link.indexOf('>'));
            } else {
                assertThat(link).isEmpty();
                path = null;
            }
        }

        assertThat(seen).as("in order of issue").containsExactlyElementsOf(issued);
    }

    @Test
    void aRevokedKeyOpensNothingOnTheNodeThatRevokedItAtOnce() {
        node.org("revoking", "IT");
        Issued admin = issue(node, "revoking", TestNode.ADMIN, "{\"role\":\"admin\"}");
        Issued editor = issue(node, "revoking", admin.secret(), "{\"role\":\"editor\"}");
        assertThat(opens(node, "revoking", editor.secret())).isTrue();

        assertThat(node.delete("/v1/orgs/revoking/keys/" + editor.id(), admin.secret(), "").status()).isEqualTo(204);

        assertThat(opens(node, "revoking", editor.secret())).isFalse();
        assertThat(node.get("/v1/orgs/revoking/keys", admin.secret()).json().get("items").findValuesAsString("id"))
                .containsExactly(admin.id());
        assertThat(node.delete("/v1/orgs/revoking/keys/" + editor.id(), admin.secret(), "").status()).as("already gone").isEqualTo(404);
    }

    @Test
    void anAdminMayRevokeItsOwnKey() {
        node.org("selfless", "IT");
        Issued admin = issue(node, "selfless", TestNode.ADMIN, "{\"role\":\"admin\"}");

        assertThat(node.delete("/v1/orgs/selfless/keys/" + admin.id(), admin.secret(), "").status()).isEqualTo(204);

        assertThat(opens(node, "selfless", admin.secret())).isFalse();
    }

    @Test
    void anotherOrgsKeyOrAnUnknownOneIsNotFoundAndStaysValid() {
        node.org("mine", "IT");
        node.org("theirs", "DE");
        String mineAdmin = node.key("mine", "admin");
        Issued theirs = issue(node, "theirs", TestNode.ADMIN, "{\"role\":\"editor\"}");

        TestNode.Answer foreign = node.delete("/v1/orgs/mine/keys/" + theirs.id(), mineAdmin, "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(node.delete("/v1/orgs/mine/keys/" + theirs.id(), TestNode.ADMIN, "").status()).isEqualTo(404);
        assertThat(node.delete("/v1/orgs/mine/keys/0123456789abcdef", mineAdmin, "").status()).isEqualTo(404);
        assertThat(node.delete("/v1/orgs/mine/keys/not-a-key-id", mineAdmin, "").status()).isEqualTo(404);
        assertThat(node.delete("/v1/orgs/theirs/keys/" + theirs.id(), mineAdmin, "").status()).as("not its org").isEqualTo(403);

        assertThat(opens(node, "theirs", theirs.secret())).isTrue();
    }

    @Test
    void aKeyPastItsExpiryIsRefusedLikeAnUnknownOne() {
        node.org("expiring", "IT");
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        Issued temporary = issue(node, "expiring", TestNode.ADMIN, "{\"role\":\"partner\",\"expiresAt\":\"" + expiry + "\"}");
        assertThat(opens(node, "expiring", temporary.secret())).isTrue();

        clock.advance(Duration.ofHours(1));

        TestNode.Answer refused = node.get("/v1/orgs/expiring", temporary.secret());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(node.get("/v1/orgs/expiring/keys", TestNode.ADMIN).json().get("items").get(0).get("expiresAt").asString())
                .isEqualTo(expiry.toString());
    }

    @Test
    void anExpiryNotInTheFutureOrNotATimeAndAnEmptyLabelAreRefusedAndIssueNothing() {
        node.org("careful", "IT");
        Instant now = clock.instant();
        for (String body : List.of(
                "{\"role\":\"editor\",\"expiresAt\":\"" + now + "\"}",
                "{\"role\":\"editor\",\"expiresAt\":\"" + now.minusSeconds(60) + "\"}",
                "{\"role\":\"editor\",\"expiresAt\":\"next tuesday\"}",
                "{\"role\":\"editor\",\"expiresAt\":1770000000}",
                "{\"role\":\"editor\",\"expiresAt\":\"+1000000000-01-01T00:00:00Z\"}",
                "{\"role\":\"editor\",\"label\":\"tab\\there\"}",
                "{\"role\":\"editor\",\"label\":\"half \\ud83d a smile\"}",
                "{\"role\":\"editor\",\"label\":\"  \"}",
                "{\"role\":\"editor\",\"label\":\"" + "x".repeat(201) + "\"}")) {
            TestNode.Answer refused = node.post("/v1/orgs/careful/keys", TestNode.ADMIN, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            String pointer = refused.json().get("errors").get(0).get("pointer").asString();
            assertThat(pointer).as(body).isIn("/expiresAt", "/label");
        }
        assertThat(node.get("/v1/orgs/careful/keys", TestNode.ADMIN).json().get("items")).isEmpty();
    }

    @Test
    void aKeysLastUseIsRecordedSoonAfterItOpensTheApi() {
        node.org("used", "IT");
        Issued editor = issue(node, "used", TestNode.ADMIN, "{\"role\":\"editor\"}");
        assertThat(node.get("/v1/orgs/used/keys", TestNode.ADMIN).json().get("items").get(0).get("lastUsedAt").isNull()).isTrue();
        Instant usedAt = clock.instant();

        assertThat(opens(node, "used", editor.secret())).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(node.get("/v1/orgs/used/keys", TestNode.ADMIN).json().get("items").get(0).get("lastUsedAt").asString())
                        .isEqualTo(usedAt.toString()));
    }
}
