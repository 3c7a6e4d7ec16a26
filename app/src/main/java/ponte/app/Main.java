package ponte.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ponte} command line. */
@Command(name = "ponte", mixinStandardHelpOptions = true, version = "Ponte 0.1.0",
        description = "Cross-border media partnerships: content log, licences, distribution.",
        subcommands = {Main.Serve.class, Main.Demo.class, Reindex.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (Configuration.jsonLogs() && System.getProperty("logback.configurationFile") == null) {
            // Chosen before the first logger exists, so Logback reads this file instead of logback.xml.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start a Ponte node with no demo data.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--data-dir", description = "where embedded storage lives (env PONTE_DATA_DIR, key data-dir; default ponte-data)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            NodeOptions.Startup startup = node.read(dataDir, "ponte-data", false);
            return serveUntilStopped(startup, n -> Banner.serving(n, startup.admin(), startup.settings().dataDir()));
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
            // The demo pushes to receivers (and may pull from feeds) on the same machine, so it allows private addresses.
            NodeOptions.Startup startup = node.read(dataDir, "ponte-data/demo", true);
            return serveUntilStopped(startup, n -> {
                DemoNetwork.Loaded loaded = n.loadDemoNetwork();
                Banner.serving(n, startup.admin(), startup.settings().dataDir());
                Banner.demo(n, loaded);
            });
        }
    }

    /** Starts a node, lets {@code ready} prepare and announce it, and serves until the process is stopped. */
    private static int serveUntilStopped(NodeOptions.Startup startup, Consumer<Node> ready) throws Exception {
        try (Node n = new Node(startup.settings(), Clock.systemUTC(), startup.delivery()).start()) {
            ready.accept(n);
            n.join();
        }
        return 0;
    }
}
