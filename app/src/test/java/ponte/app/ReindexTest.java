package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.publishBody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The index survives restarts with its cursor, and `ponte reindex` rebuilds it from the log alone. */
class ReindexTest {
    @TempDir
    Path dataDir;

    @Test
    void theIndexSurvivesARestartAndReindexRebuildsItFromTheLog() throws Exception {
        String editor;
        String id;
        try (TestNode node = new TestNode(dataDir)) {
            editor = aNetwork(node).agency("agency", "IT").withProducts("wire").build().editor("agency");
            id = node.post("/v1/items", editor, publishBody(SearchTest.item("it", "Assisi, riapre la basilica", "La basilica riapre ai pellegrini."), "wire"))
                    .json().get("id").asString();
            node.handle().catchUpSearch();
        }
        try (TestNode node = new TestNode(dataDir)) {
            assertThat(node.handle().searchCursor()).isEqualTo(node.handle().head());
            assertThat(SearchTest.ids(node.get("/v1/search?q=basilica", editor).json())).containsExactly(id);
        }
        delete(dataDir.resolve("search"));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reindex", "--data-dir", dataDir.toString()));
        if (TestDatabase.production()) {
            args.addAll(java.util.List.of("--db", TestDatabase.postgresUrlFor(dataDir).orElseThrow())); // the same database
        }
        assertThat(new CommandLine(new Main()).execute(args.toArray(String[]::new))).isZero();
        try (TestNode node = new TestNode(dataDir)) {
            assertThat(node.handle().searchCursor()).isEqualTo(node.handle().head());
            assertThat(SearchTest.ids(node.get("/v1/search?q=basilica", editor).json())).containsExactly(id);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
