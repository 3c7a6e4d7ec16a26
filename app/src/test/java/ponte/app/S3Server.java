package ponte.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for the app's media tests: S3Proxy on jclouds' in-memory store, in a child JVM. S3Proxy runs on
 * Jetty 11 and the node on Jetty 12, so it never joins the tests' classpath: the media module writes its own test
 * classpath (where S3Proxy is) to {@code media/target/s3proxy.classpath} when it builds, and the child runs on that.
 * The node finds it through the AWS SDK's standard system properties (endpoint, region, credentials).
 */
final class S3Server implements AutoCloseable {
    static final String IDENTITY = "ponte";
    static final String CREDENTIAL = "secret";
    private static final Path CLASSPATH = Path.of("..", "media", "target", "s3proxy.classpath");

    private final Process process;
    private final Path log;
    final URI endpoint;
    final S3Client client;

    /** Starts the server with one empty bucket. */
    S3Server(Path dir, String bucket) throws Exception {
        if (!Files.exists(CLASSPATH)) {
            throw new IllegalStateException(CLASSPATH.toAbsolutePath() + " is missing: build the media module first (./mvnw ... -pl app -am)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY, "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=transient", "jclouds.identity=" + IDENTITY, "jclouds.credential=" + CREDENTIAL) + "\n");
        log = dir.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx256m", CommandProcess.SHORT_LIVED, "-cp", Files.readString(CLASSPATH).strip(), "org.gaul.s3proxy.Main",
                "--properties", properties.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(port);
        System.setProperty("aws.endpointUrlS3", endpoint.toString());
        System.setProperty("aws.accessKeyId", IDENTITY);
        System.setProperty("aws.secretAccessKey", CREDENTIAL);
        System.setProperty("aws.region", "us-east-1");
        client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).build();
        client.createBucket(b -> b.bucket(bucket));
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy ended at start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen within a minute: " + Files.readString(log));
    }

    /** How many objects the bucket holds under the prefix. */
    int objects(String bucket, String prefix) {
        return client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).keyCount();
    }

    @Override
    public void close() throws Exception {
        for (String p : List.of("aws.endpointUrlS3", "aws.accessKeyId", "aws.secretAccessKey", "aws.region")) {
            System.clearProperty(p);
        }
        client.close();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
