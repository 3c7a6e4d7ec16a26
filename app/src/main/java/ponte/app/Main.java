package ponte.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ponte} command line. */
@Command(name = "ponte", mixinStandardHelpOptions = true, version = "Ponte 0.1.0",
        description = "Cross-border media partnerships: content log, licences, distribution.",
        subcommands = {Main.Serve.class, Main.Demo.class, Reindex.class, Import.class})
public final class Main implements Runnable {

    /**
     * Lucene announces through java.util.logging, on every start, that it uses the vector module the launcher adds;
     * held here because java.util.logging keeps loggers only weakly. Its warning (the module missing) still shows.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.WARNING);
        if (Configuration.jsonLogs() && System.getProperty("logback.configurationFile") == null) {
            // Chosen before the first logger exists, so Logback reads this file instead of logback.xml.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@link #main} runs it: a failure the user can act on (a data directory or a port in use)
     * is one line on stderr and exit code 1; any other keeps its stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((failure, cli, parsed) -> {
            Optional<String> line = Refusals.explain(failure);
            if (line.isEmpty()) {
                throw failure;
            }
            cli.getErr().println("ponte: " + line.get());
            cli.getErr().flush();
            return 1;
        });
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
            return serveUntilStopped(startup, n -> Banner.serving(n, startup));
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
                DemoMedia.Outcome media = n.loadDemoMedia();
                Banner.serving(n, startup);
                Banner.demo(n, loaded, media);
            });
        }
    }

    /**
     * Starts a node, lets {@code ready} prepare and announce it, and serves until the process is stopped (Ctrl-C, a
     * TERM signal): then the node stops its loops and closes its database before the JVM goes, and says so in one line.
     */
    private static int serveUntilStopped(NodeOptions.Startup startup, Consumer<Node> ready) throws Exception {
        PortTaken.refuseIfHeld(startup.settings());
        try (Node n = new Node(startup.settings(), Clock.systemUTC(), startup.delivery()).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(n), "ponte-stop"));
            ready.accept(n);
            n.join(); // returns once the hook has stopped the server; closing again below waits for the hook to finish
        }
        return 0;
    }

    private static void stop(Node n) {
        try {
            n.close();
            System.out.println("Ponte stopped.");
        } catch (Exception e) {
            LoggerFactory.getLogger(Main.class).warn("stopping the node failed", e);
        }
        System.out.flush();
    }
}
