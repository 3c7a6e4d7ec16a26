package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.campaigns.Click;

/**
 * The click journal: what was journaled reaches the store, what a crash left is written when the node starts again,
 * and a segment whose transaction committed before the crash is not written twice.
 */
class FactJournalTest {
    private static final Instant AT = Instant.parse("2026-05-21T12:00:00Z");

    @TempDir
    Path dataDir;
    private FreshDatabase db;
    private JdbcClickFacts store;
    private Path dir;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(FreshDatabase.Engine.H2, dataDir);
        store = new JdbcClickFacts(db.database());
        dir = dataDir.resolve("journal");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Click> clicks(String code, int n) {
        List<Click> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Click(code, AT.plusSeconds(i), Optional.of("%032d".formatted(i)), false));
        }
        return out;
    }

    private static String lines(List<Click> clicks) {
        return clicks.stream().map(JdbcClickFacts.LINE::write).collect(Collectors.joining("\n", "", "\n"));
    }

    private long counted(String code) {
        return new Jdbc(db.database()).one("select coalesce(sum(clicks), 0) from link_clicks where code = ?", rs -> rs.getLong(1), code).orElse(0L);
    }

    private FactJournal<Click> journal() {
        return new FactJournal<>(dir, "test-journal", JdbcClickFacts.LINE, store, e -> {
            throw e;
        });
    }

    @Test
    void aJournalNeverStartedClosesWithoutTouchingTheDisk() {
        journal().close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void factsJournaledReachTheStore() {
        FactJournal<Click> journal = journal().start();
        clicks("a", 5).forEach(journal::add);
        journal.close();

        assertThat(counted("a")).isEqualTo(5);
    }

    @Test
    void whatACrashLeftIsWrittenOnceWhenTheNodeStartsAgain() throws Exception {
        Files.createDirectories(dir);
        // Killed after the first segment's transaction committed, before its file was deleted ...
        List<Click> committed = clicks("a", 3);
        Files.writeString(dir.resolve("1-first.segment"), lines(committed));
        store.record("1-first", committed);
        // ... and with a journal still open, whose last line the kill cut short (never acknowledged).
        Files.writeString(dir.resolve("open.journal"), lines(clicks("b", 2)) + "b\t17");

        journal().start().close();

        assertThat(counted("a")).as("a committed segment is not written again").isEqualTo(3);
        assertThat(counted("b")).as("the open journal's whole lines").isEqualTo(2);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("every segment drained").isEmpty();
        }
    }
}
