package ponte.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ponte} command line. */
@Command(name = "ponte", mixinStandardHelpOptions = true, version = "Ponte 0.1.0",
        description = "Cross-border media partnerships: content log, licences, distribution.",
        subcommands = {Main.Serve.class, Main.Demo.class, Reindex.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options shared by every command that starts a node. */
    static class NodeOptions {
        @Option(names = "--port", description = "HTTP port (0 picks a free one; default ${DEFAULT-VALUE})", defaultValue = "8080")
        int port;

        @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
        String host;

        @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (env PONTE_DB_URL); default: embedded H2 in the data dir")
        String db;

        Settings settings(Path dataDir, String adminKey) {
            Optional<String> url = Optional.ofNullable(db).or(() -> Optional.ofNullable(System.getenv("PONTE_DB_URL"))).filter(s -> !s.isBlank());
            return new Settings(host, port, dataDir, url, adminKey);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start a Ponte node with no demo data.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--data-dir", description = "where embedded storage lives (default ${DEFAULT-VALUE})", defaultValue = "ponte-data")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            AdminKey admin = AdminKey.fromEnvironment();
            try (Wiring w = new Wiring(node.settings(dataDir, admin.secret()), Clock.systemUTC()).start()) {
                Banner.serving(w, admin, dataDir);
                w.join();
            }
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Start a Ponte node with the demo network loaded.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--data-dir", description = "where embedded storage lives (default ${DEFAULT-VALUE})", defaultValue = "ponte-data/demo")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            AdminKey admin = AdminKey.fromEnvironment();
            try (Wiring w = new Wiring(node.settings(dataDir, admin.secret()), Clock.systemUTC()).start()) {
                DemoNetwork.Loaded loaded = new DemoNetwork(w).load();
                Banner.serving(w, admin, dataDir);
                Banner.demo(w, loaded);
                w.join();
            }
            return 0;
        }
    }

    /** The bootstrap admin key: PONTE_ADMIN_KEY, or one generated for this run and printed once. */
    record AdminKey(String secret, boolean generated) {
        static AdminKey fromEnvironment() {
            String env = System.getenv("PONTE_ADMIN_KEY");
            if (env != null && !env.isBlank()) {
                return new AdminKey(env.strip(), false);
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return new AdminKey("pa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
        }
    }
}
