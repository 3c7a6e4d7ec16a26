package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;

/**
 * Machine translation with Apertium run for real (English to Spanish): labelled as machine-generated inside ninjs and
 * held, like a co-produced draft, until a human editor approves it.
 */
class MachineTranslationTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir);
        keys = aNetwork(node)
                .agency("agency", "GB").withKey("admin").withKey("partner").withProducts("world").licensedTo("antena")
                .partner("antena", "ES")
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static String englishStory(String headline) {
        TestNode.Answer a = node.post("/v1/items", keys.editor("agency"), publishBody(ninjs("en", headline), "world"));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    static TestNode.Answer translate(String item, String key, String language) {
        return node.post("/v1/items/" + item + "/machine-translations", key, "{\"language\": \"" + language + "\"}");
    }

    static java.util.List<String> feed() {
        java.util.List<String> out = new java.util.ArrayList<>();
        node.get("/v1/feed?limit=500", keys.partner("antena")).json().get("entries")
                .forEach(e -> out.add(e.get("item").get("headlines").get(0).get("value").asString()));
        return out;
    }

    @Test
    void aMachineTranslationIsLabelledAndHeldUntilAnEditorApprovesIt() {
        String source = englishStory("The opening ceremony is tonight in Milan.");
        TestNode.Answer held = translate(source, keys.editor("agency"), "es");
        assertThat(held.status()).as(held.raw().body()).isEqualTo(201);
        assertThat(held.json().get("state").asString()).isEqualTo("draft");
        assertThat(held.json().get("awaitingApproval").toString()).isEqualTo("[\"agency\"]");
        String translation = held.json().get("id").asString();

        JsonNode draft = node.get("/v1/items/" + translation + "/versions", keys.editor("agency")).json().get("items").get(0).get("ninjs");
        assertThat(draft.get("language").asString()).isEqualTo("es");
        assertThat(draft.get("headlines").get(0).get("value").asString()).endsWith("es esta noche en Milán.");
        assertThat(draft.get("digitalSourceType").get("uri").asString()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia");
        assertThat(draft.get("edNote").asString()).startsWith("Machine translation by Apertium from en into es");
        assertThat(node.get("/v1/items/" + translation, keys.editor("agency")).status()).as("held off the log").isEqualTo(404);
        assertThat(feed()).noneMatch(h -> h.endsWith("en Milán."));

        TestNode.Answer approved = node.post("/v1/items/" + translation + "/approve", keys.editor("agency"), "{\"version\": 1, \"comment\": \"Checked\"}");
        assertThat(approved.json().get("state").asString()).isEqualTo("released");
        JsonNode received = node.get("/v1/items/" + translation, keys.partner("antena")).json();
        assertThat(received.get("digitalSourceType").get("uri").asString()).endsWith("/algorithmicMedia");
        assertThat(received.get("edNote").asString()).contains("Machine translation by Apertium");
        assertThat(OfficialSchema.errorsIn(received)).isEmpty();
        assertThat(node.get("/v1/items/" + source + "/translations", keys.partner("antena")).json().get("items").get(0).get("id").asString())
                .isEqualTo(translation);
    }

    @Test
    void onlyAnEditorApprovesAMachineTranslation() {
        String translation = translate(englishStory("The women's downhill"), keys.editor("agency"), "es").json().get("id").asString();
        assertThat(node.post("/v1/items/" + translation + "/approve", keys.partner("agency"), "{\"version\": 1}").status()).isEqualTo(403);
        assertThat(node.post("/v1/items/" + translation + "/approve", keys.partner("antena"), "{\"version\": 1}").status()).isEqualTo(404);
        assertThat(feed()).noneMatch(h -> h.contains("descenso"));
    }

    @Test
    void onlyTheOwnerTranslatesAndOnlyPairsTheEngineHas() {
        String source = englishStory("The ice hockey final");
        assertThat(translate(source, keys.partner("antena"), "es").status()).as("a partner's key").isEqualTo(404);
        TestNode.Answer korean = translate(source, keys.editor("agency"), "ko");
        assertThat(korean.status()).isEqualTo(422);
        assertThat(korean.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/language");
    }
}
