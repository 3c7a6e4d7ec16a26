package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;

class DemoNetworkTest {
    @TempDir
    Path dataDir;

    @Test
    void loadingTheDemoTwiceDuplicatesNothing() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            DemoNetwork.Loaded first = new DemoNetwork(node.wiring()).load();
            long head = node.wiring().log.head().seq();
            int agreements = node.wiring().agreements.all().size();
            DemoNetwork.Loaded second = new DemoNetwork(node.wiring()).load();
            assertThat(first.itemsPublished()).isGreaterThan(10);
            assertThat(second.itemsPublished()).isZero();
            assertThat(node.wiring().log.head().seq()).isEqualTo(head);
            assertThat(node.wiring().agreements.all()).hasSize(agreements);
        }
    }

    @Test
    void demoPartnersReceiveValidNinjsAndTheUnlicensedOneNothing() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            new DemoNetwork(node.wiring()).load();
            JsonNode cgtn = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries");
            assertThat(cgtn).isNotEmpty();
            for (JsonNode entry : cgtn) {
                assertThat(OfficialSchema.errorsIn(entry.get("item"))).isEmpty();
            }
            JsonNode italpress = node.get("/v1/feed?limit=500", "demo-italpress-partner").json().get("entries");
            assertThat(italpress).extracting(e -> e.get("item").get("language").asString()).contains("zh-Hans");
            assertThat(node.get("/v1/feed?limit=500", "demo-kaze-broadcasting-partner").json().get("entries")).isEmpty();
        }
    }
}
