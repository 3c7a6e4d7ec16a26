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
import ponte.delivery.DeliverySettings;

/** The {@code ponte} command line. */
@Command(name = "ponte", mixinStandardHelpOptions = true, version = "Ponte 0.1.0",
        description = "Cross-border media partnerships: content log, licences, distribution.",
        subcommands = {Main.Serve.class, Main.Demo.class, Reindex.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("PONTE_LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            // Chosen before the first logger exists, so Logback reads this file instead of logback.xml.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options shared by every command that starts a node. */
    static class NodeOptions {
        @Option(names = "--config", description = "a properties file of settings (env PONTE_CONFIG; default ./ponte.properties when present)")
        Path config;

        @Option(names = "--port", description = "HTTP port, 0 picks a free one (env PONTE_PORT, key port; default 8080)")
        String port;

        @Option(names = "--host", description = "address to listen on (env PONTE_HOST, key host; default 127.0.0.1)")
        String host;

        @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (env PONTE_DB_URL); default: embedded H2 in the data dir")
        String db;

        @Option(names = "--allow-private-endpoints", description = "let webhook endpoints and ingest sources be loopback, private or "
                + "link-local addresses (env PONTE_ALLOW_PRIVATE_ENDPOINTS=true); off by default: the SSRF guard refuses them")
        boolean allowPrivateEndpoints;

        DeliverySettings delivery(boolean forceAllowPrivate) {
            return DeliverySettings.defaults().allowingPrivate(forceAllowPrivate || allowPrivateEndpoints || Wiring.allowPrivateFromEnvironment());
        }

        @Option(names = "--kafka", description = "Kafka bootstrap servers (env PONTE_KAFKA_BOOTSTRAP): relay the content log through Kafka; needs --db PostgreSQL")
        String kafka;

        Settings settings(Path dataDirOption, String defaultDataDir, String adminKey) {
            Configuration c = Configuration.load(Optional.ofNullable(config), System.getenv());
            int portNumber;
            try {
                portNumber = Integer.parseInt(c.get(port, "PONTE_PORT", "port").orElse("8080"));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "port must be a number");
            }
            Path dataDir = Path.of(c.get(dataDirOption == null ? null : dataDirOption.toString(), "PONTE_DATA_DIR", "data-dir").orElse(defaultDataDir));
            return new Settings(c.get(host, "PONTE_HOST", "host").orElse("127.0.0.1"), portNumber, dataDir,
                    c.get(db, "PONTE_DB_URL", "db.url"), adminKey, c.get(kafka, "PONTE_KAFKA_BOOTSTRAP", "kafka.bootstrap"),
                    c.get(null, "PONTE_KAFKA_TOPIC", "kafka.topic").orElse(ponte.kafka.KafkaSettings.DEFAULT_TOPIC));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start a Ponte node with no demo data.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--data-dir", description = "where embedded storage lives (env PONTE_DATA_DIR, key data-dir; default ponte-data)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            AdminKey admin = AdminKey.fromEnvironment();
            Settings settings = node.settings(dataDir, "ponte-data", admin.secret());
            try (Wiring w = new Wiring(settings, Clock.systemUTC(), node.delivery(false)).start()) {
                Banner.serving(w, admin, settings.dataDir());
                w.join();
            }
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Start a Ponte node with the demo network loaded.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--data-dir", description = "where embedded storage lives (env PONTE_DATA_DIR, key data-dir; default ponte-data/demo)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            AdminKey admin = AdminKey.fromEnvironment();
            Settings settings = node.settings(dataDir, "ponte-data/demo", admin.secret());
            // The demo pushes to receivers (and may pull from feeds) on the same machine, so it allows private addresses.
            try (Wiring w = new Wiring(settings, Clock.systemUTC(), node.delivery(true)).start()) {
                DemoNetwork.Loaded loaded = new DemoNetwork(w).load();
                Banner.serving(w, admin, settings.dataDir());
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
