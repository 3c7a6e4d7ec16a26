package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import ponte.api.ApiSettings;
import ponte.app.Settings;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;
import ponte.delivery.DeliverySettings;

/**
 * A whole Ponte node on a fresh data directory, set up through the HTTP API as a client would: an agency with one
 * product, and a partner licensed to it, so every item published is routed to the partner's feed.
 */
final class Node implements AutoCloseable {
    static final String PRODUCT = "notizie";
    private static final String ADMIN_KEY = "bench-admin-key";
    private static final String EDITOR_KEY = "bench-agenzia-editor";
    private static final String PARTNER_KEY = "bench-partner-partner";
    // About 1.5 KB of text: a short wire story. The raw H2 reference stores this same document per row.
    static final String BODY = ("Il consiglio comunale ha approvato il bilancio dopo una lunga seduta notturna; "
            + "l'opposizione annuncia ricorso. ").repeat(12);

    final Path dataDir;
    final ponte.app.Node ponte;
    final Client client;
    /** The management port's client: /metrics is served there only. */
    final Client management;

    private Node(Path dataDir, ponte.app.Node ponte) {
        this.dataDir = dataDir;
        this.ponte = ponte;
        this.client = new Client(ponte.port());
        this.management = new Client(ponte.managementPort());
    }

    /** An embedded node (H2 under a fresh data directory), set up. */
    static Node start() throws Exception {
        return start(Optional.empty(), Optional.empty(), true, DeliverySettings.defaults());
    }

    /** A node whose pusher runs with these settings (the push benchmarks allow loopback endpoints). */
    static Node start(DeliverySettings delivery) throws Exception {
        return start(Optional.empty(), Optional.empty(), true, delivery);
    }

    /**
     * A node on {@code databaseUrl} (empty: embedded H2), relaying its log through Kafka when {@code kafkaBootstrap}
     * is given. {@code setUp} false joins a database another node has set up already (a second node of a cluster).
     */
    static Node start(Optional<String> databaseUrl, Optional<String> kafkaBootstrap, boolean setUp) throws Exception {
        return start(databaseUrl, kafkaBootstrap, setUp, DeliverySettings.defaults());
    }

    /** As above, its pusher running with these settings. */
    static Node start(Optional<String> databaseUrl, Optional<String> kafkaBootstrap, boolean setUp, DeliverySettings delivery) throws Exception {
        return start(databaseUrl, kafkaBootstrap, setUp, delivery, WITHOUT_RATE_LIMITS);
    }

    /**
     * Benchmarks measure Ponte's own work at rates far above a key's default limit: their nodes run without rate limits,
     * except where the limits' cost is what is measured ({@link FeedPageVsReferences}).
     */
    static final ApiSettings WITHOUT_RATE_LIMITS = ApiSettings.defaults().withoutRateLimits();

    /** An embedded node, set up, whose API runs with these settings (rate limits). */
    static Node start(ApiSettings api) throws Exception {
        return start(Optional.empty(), Optional.empty(), true, DeliverySettings.defaults(), api);
    }

    private static Node start(Optional<String> databaseUrl, Optional<String> kafkaBootstrap, boolean setUp, DeliverySettings delivery, ApiSettings api)
            throws Exception {
        Path dir = Files.createTempDirectory("ponte-bench-");
        Settings settings = new Settings("127.0.0.1", 0, dir, databaseUrl, ADMIN_KEY, kafkaBootstrap).withApi(api);
        ponte.app.Node ponte = new ponte.app.Node(settings, Clock.systemUTC(), delivery).start();
        Node node = new Node(dir, ponte);
        if (setUp) {
            node.setUp();
        }
        return node;
    }

    private void setUp() throws IOException, InterruptedException {
        client.post("/v1/orgs", ADMIN_KEY, """
                {"id":"agenzia","name":"Agenzia Bench","kind":"agency","country":"IT"}""");
        client.post("/v1/orgs", ADMIN_KEY, """
                {"id":"partner","name":"Partner Bench","kind":"broadcaster","country":"DE"}""");
        ponte.installKey(new OrgId("agenzia"), Role.EDITOR, EDITOR_KEY);
        ponte.installKey(new OrgId("partner"), Role.PARTNER, PARTNER_KEY);
        client.post("/v1/products", EDITOR_KEY, """
                {"id":"%s","name":"Notizie"}""".formatted(PRODUCT));
        client.post("/v1/licences", EDITOR_KEY, """
                {"licensee":"partner","products":["%s"]}""".formatted(PRODUCT));
    }

    String editorKey() {
        return EDITOR_KEY;
    }

    String partnerKey() {
        return PARTNER_KEY;
    }

    /** The ninjs 3.1 document of story {@code n}: a concatenation, so the client spends next to nothing making it. */
    static String ninjs(String n) {
        return "{\"type\":\"text\",\"language\":\"it\",\"headlines\":[{\"role\":\"main\",\"value\":\"Bilancio approvato, " + n
                + "\"}],\"bodies\":[{\"role\":\"text\",\"contentType\":\"text/plain\",\"value\":\"" + BODY + "\"}]}";
    }

    /** The POST /v1/items body for story {@code n}. */
    static String item(String n) {
        return "{\"ninjs\":" + ninjs(n) + ",\"products\":[\"" + PRODUCT + "\"]}";
    }

    @Override
    public void close() throws Exception {
        ponte.close();
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
