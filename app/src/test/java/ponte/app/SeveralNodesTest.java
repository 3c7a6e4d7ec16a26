package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL, without Kafka: what one node changes in the network (orgs, licences) counts on the
 * other for every read that follows, not a poll interval later.
 */
class SeveralNodesTest {
    @TempDir
    static Path dataDir;

    @Test
    void aFeedReadOnAnotherNodeJustAfterALicenceIsGrantedMissesNoEntry() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir);
        try (TestNode writing = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("a"), db, TestNode.ADMIN), Clock.systemUTC());
             TestNode reading = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("b"), db, TestNode.ADMIN), Clock.systemUTC())) {
            writing.org("agency", "IT");
            writing.org("partner", "DE");
            String editor = writing.key("agency", "editor");
            String partner = writing.key("partner", "partner");
            String cursor = "";
            for (int round = 0; round < 5; round++) {
                // A new product under a new licence each round: the reading node has never seen either.
                String product = "special-" + round;
                writing.product(editor, product);
                writing.licence(editor, "partner", product);
                assertThat(writing.post("/v1/items", editor, publishBody(ninjs("it", "Speciale " + round), product)).status()).isEqualTo(201);

                JsonNode page = reading.get("/v1/feed" + (cursor.isEmpty() ? "" : "?after=" + cursor), partner).json();
                assertThat(page.get("entries").size()).as("round %d: the entry is in the page its cursor moves past", round).isEqualTo(1);
                assertThat(page.get("entries").get(0).get("item").get("headlines").get(0).get("value").asString()).isEqualTo("Speciale " + round);
                cursor = page.get("next").asString();
            }
        }
    }
}
