package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line explains itself in one line, without a stack trace, when what stops it is the user's to fix (a
 * data directory or a port in use), and when it stops as asked; and a restarted node's banner counts the log. Each
 * runs the real entry point in a child JVM, as {@code ./ponte} does, and reads everything it prints.
 */
class CommandLineTest {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration END = Duration.ofSeconds(60);
    private static final Pattern HOLDS = Pattern.compile("the log holds (\\d+) items?");

    @TempDir
    Path dir;

    @Test
    void everyCommandOnADataDirectoryInUseSaysSoInOneLine() throws Exception {
        Path data = dir.resolve("data");
        try (CommandProcess running = CommandProcess.start(dir, Map.of(), "serve", "--port", "0", "--data-dir", data.toString())) {
            running.awaitLine(l -> l.startsWith("Ponte is serving at"), START);
            String inUse = "ponte: the data directory " + data.toAbsolutePath() + " is in use by a running Ponte node (or ponte reindex): "
                    + "stop it first, or give another --data-dir";
            for (List<String> command : List.of(List.of("demo", "--port", "0"), List.of("serve", "--port", "0"), List.of("reindex"))) {
                try (CommandProcess second = run(command, "--data-dir", data.toString())) {
                    assertThat(second.awaitExit(END)).as("exit code of %s", command).isEqualTo(1);
                    assertThat(second.lines()).as("what %s printed", command).containsExactly(inUse);
                }
            }
        }
    }

    @Test
    void aPortInUseIsOneLineNamingTheOptionThatChoosesAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (CommandProcess api = run(List.of("serve", "--port", Integer.toString(port), "--management-port", "0"), "--data-dir", dir.resolve("a").toString())) {
                assertThat(api.awaitExit(END)).isEqualTo(1);
                assertThat(api.lines()).containsExactly("ponte: port " + port + " on 127.0.0.1 is already in use (another Ponte node?): "
                        + "stop what holds it, or choose another with --port");
                assertThat(dir.resolve("a")).as("the data directory of a node that could not serve").doesNotExist();
            }
            try (CommandProcess management = run(List.of("demo", "--port", "0", "--management-port", Integer.toString(port)), "--data-dir",
                    dir.resolve("b").toString())) {
                assertThat(management.awaitExit(END)).isEqualTo(1);
                assertThat(management.lines()).containsExactly("ponte: port " + port + " on 127.0.0.1 is already in use (another Ponte node?): "
                        + "stop what holds it, or choose another with --management-port");
            }
        }
    }

    @Test
    void aNodeStoppedByCtrlCSaysSoInOneLineAndItsRestartCountsWhatTheLogHolds() throws Exception {
        String data = dir.resolve("demo").toString();
        long first;
        try (CommandProcess demo = run(List.of("demo", "--port", "0"), "--data-dir", data)) {
            first = itemsHeld(demo.awaitLine(l -> l.contains("the log holds"), START));
            assertThat(demo.awaitLine(l -> l.contains("demo network:"), START)).endsWith(first + " items published now");
            stopsInOneLine(demo);
        }
        try (CommandProcess again = run(List.of("demo", "--port", "0"), "--data-dir", data)) {
            assertThat(itemsHeld(again.awaitLine(l -> l.contains("the log holds"), START))).isEqualTo(first).isGreaterThan(10);
            assertThat(again.awaitLine(l -> l.contains("demo network:"), START)).endsWith("loaded on an earlier run");
            stopsInOneLine(again);
        }
    }

    /** Ctrl-C: the node stops its loops, closes its database and says so; nothing else, no stack trace. */
    private static void stopsInOneLine(CommandProcess node) throws Exception {
        node.awaitLine(l -> l.contains("push:"), START); // the end of the banner
        int before = node.lines().size();
        node.interrupt();
        node.awaitExit(END);
        List<String> after = node.lines().subList(before, node.lines().size()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(after).containsExactly("Ponte stopped.");
    }

    private static long itemsHeld(String bannerLine) {
        Matcher m = HOLDS.matcher(bannerLine);
        assertThat(m.find()).as(bannerLine).isTrue();
        return Long.parseLong(m.group(1));
    }

    private CommandProcess run(List<String> command, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of(more));
        return CommandProcess.start(dir, Map.of(), args.toArray(String[]::new));
    }
}
