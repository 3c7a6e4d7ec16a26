package ponte.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ponte.core.Ids;
import ponte.core.publishing.Appending;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Network;
import ponte.search.Indexer;
import ponte.storage.Database;
import ponte.storage.JdbcContentLog;
import ponte.storage.NetworkFreshness;
import ponte.storage.JdbcOrgs;

/**
 * {@code ponte reindex}: rebuilds the search index from the whole content log, beside the old one, then swaps it in.
 * The node must be stopped: embedded H2 and the index each allow one process.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the content log (stop the node first).")
final class Reindex implements Callable<Integer> {
    @Option(names = "--data-dir", description = "the node's data dir (default ${DEFAULT-VALUE})", defaultValue = "ponte-data")
    Path dataDir;

    @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (env PONTE_DB_URL); default: embedded H2 in the data dir")
    String db;

    @Option(names = "--threads", description = "documents analysed in parallel (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Configuration c = Configuration.environmentOnly(); // no configuration file, as ever: --db or PONTE_DB_URL
        Optional<String> url = c.get(db, "PONTE_DB_URL", "db.url");
        DatabaseLogin login = DatabaseLogin.from(c);
        long started = System.nanoTime();
        try (Database database = url.map(u -> Database.at(u, login.user(), login.password())).orElseGet(() -> Database.embedded(dataDir));
             // Only read here: the log's writer never receives a change, so nothing is decided or routed.
             JdbcContentLog log = new JdbcContentLog(database, new Appending(new Entitlements(() -> Network.EMPTY), clock),
                     new NetworkFreshness(database, () -> { }), entries -> { })) {
            long head = log.head().seq();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Reindexing").setInitialMax(head).setUnit(" entries", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setMaxRenderedLength(100).build()) {
                Indexer.rebuild(log, new JdbcOrgs(database, clock, new Ids(new SecureRandom())), dataDir.resolve("search"), threads, bar::stepTo);
                bar.stepTo(head);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("search index rebuilt from %d log entries in %d.%01d s: %s%n", head, took.toSeconds(), took.toMillisPart() / 100,
                    dataDir.resolve("search").toAbsolutePath());
        }
        return 0;
    }
}
