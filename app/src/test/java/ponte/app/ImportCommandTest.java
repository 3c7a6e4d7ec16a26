package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ponte import} as a user runs it, in a child JVM against a running node: what it prints, its exit code, and a
 * second run after the first was killed, which resumes and files each item once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
    private static final Duration END = Duration.ofSeconds(300);

    @TempDir
    static Path dataDir;
    @TempDir
    Path dir;

    TestNode node;
    String editor;

    @BeforeAll
    void start() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC());
        editor = aNetwork(node).agency("ansa", "IT").withProducts("wire").licensedTo("kbs").partner("kbs", "KR").build().editor("ansa");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    private CommandProcess ponteImport(Path file, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("import", file.toString(), "--url", node.base, "--products", "wire"));
        args.addAll(List.of(more));
        return CommandProcess.start(dir, Map.of("PONTE_KEY", editor), args.toArray(String[]::new));
    }

    private Path file(String name, String prefix, int n, int badLine) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, IntStream.rangeClosed(1, n).mapToObj(i -> i == badLine ? "{\"uri\": 42}" : BackfillTest.item(prefix, i))
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFileIsImportedWithEachRefusedLineNamedThenARunAgainHasNothingLeftToDo() throws Exception {
        Path file = file("cli.ndjson", "cli", 500, 7);

        try (CommandProcess first = ponteImport(file)) {
            assertThat(first.awaitExit(END)).as(first.printed()).isEqualTo(2);
            assertThat(first.lines()).anySatisfy(l -> assertThat(l).startsWith("line 7: "));
            assertThat(first.lines().getLast()).matches("import file-[0-9a-f]{24} done at line 500 of 500: 499 published, 0 updated, 0 killed, "
                    + "0 unchanged, 1 failed, 0 skipped \\(done before\\)");
        }
        try (CommandProcess again = ponteImport(file)) {
            assertThat(again.awaitExit(END)).as(again.printed()).isZero();
            assertThat(again.lines()).anySatisfy(l -> assertThat(l).matches("import file-[0-9a-f]{24}: resuming after line 500 of 500"));
            assertThat(again.lines().getLast()).contains("done at line 500 of 500: 0 published");
        }
    }

    @Test
    void aKilledImportRunAgainResumesAndFilesEveryItemOnce() throws Exception {
        int n = 10_000;
        Path file = file("big.ndjson", "big", n, -1);
        long before = node.handle().head().seq();
        String id = "big-" + System.nanoTime();

        try (CommandProcess first = ponteImport(file, "--id", id)) {
            Awaitility.await().atMost(END).until(() -> {
                TestNode.Answer a = node.get("/v1/ingest/imports/" + id, editor);
                return a.status() == 200 && a.json().get("checkpoint").asLong() > 0;
            });
        } // killed (SIGKILL) mid-import: the node finishes what it had queued and saves its checkpoint
        long cut = Awaitility.await().atMost(END).until(() -> node.get("/v1/ingest/imports/" + id, editor).json().get("checkpoint").asLong(),
                c -> c > 0 && node.handle().logQueueDepth() == 0);
        assertThat(cut).isLessThan(n);

        try (CommandProcess again = ponteImport(file, "--id", id)) {
            assertThat(again.awaitExit(END)).as(again.printed()).isZero();
            assertThat(again.printed()).contains(id + " done at line " + n + " of " + n);
        }
        assertThat(node.handle().head().seq() - before).as("one log entry per item").isEqualTo(n);
        assertThat(node.get("/v1/ingest/imports/" + id, editor).json().get("checkpoint").asLong()).isEqualTo(n);
    }
}
