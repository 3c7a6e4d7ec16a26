package ponte.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `ponte serve` in a child JVM, so a test can kill it with SIGKILL, as a crash would. */
final class ServerProcess {
    private ServerProcess() {}

    static Process start(Path dataDir, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, CommandProcess.SHORT_LIVED, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(TestDatabase.serverArguments(dataDir)); // production mode: the same PostgreSQL schema and Kafka
        ProcessBuilder pb = new ProcessBuilder(command);
        if (TestDatabase.production()) {
            pb.environment().put("PONTE_KAFKA_TOPIC", TestDatabase.topicFor(dataDir));
        }
        pb.environment().put("PONTE_ADMIN_KEY", TestNode.ADMIN);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** The base URL the child prints once it serves. */
    static String awaitUrl(Process server) throws Exception {
        Pattern serving = Pattern.compile("Ponte is serving at (http://127\\.0\\.0\\.1:\\d+)");
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining so the child never blocks
                return m.group(1);
            }
        }
        throw new AssertionError("the server process did not start");
    }
}
