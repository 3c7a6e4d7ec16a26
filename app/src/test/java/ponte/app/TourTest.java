package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * README.md's five-minute tour, run as written: every command of its {@code sh} blocks, in order, typed into one bash
 * (curl, jq, python3) as a reader's second terminal, against the demo the tour's first line starts. Each step's
 * documented answer (its "# →" comment, the 404, the empty feed) is checked below, one expectation per step in the
 * README's order; each names a piece of its step's text, so an edited tour fails at the first step whose expectation
 * no longer fits, and a new step fails until it has one.
 *
 * <p>What the harness does that a reader does not, and why:
 * <ul>
 *   <li>It starts the tour's first line itself, in a "clone" (a temporary directory with {@code docs/} and a stand-in
 *       {@code ./ponte} that runs the test's classes with the launcher's JVM options, since no jar is built yet when
 *       tests run), with {@code PONTE_PORT} and {@code PONTE_MANAGEMENT_PORT} set: the tour's fixed ports (8080 and
 *       8081 for the node, 9000 for the receiver, 8000 for the feed server) are replaced by free ones in every
 *       command, so a build never collides with a node someone is running.</li>
 *   <li>A step that runs until Ctrl-C (the live stream) is stopped after a few seconds with SIGINT.</li>
 *   <li>A read whose answer comes from work in the background (search indexing, a delivery, a poll) is typed again
 *       until its answer comes, for up to a minute: a reader types slower than the node works.</li>
 *   <li>"Ctrl-C in the demo's terminal" before {@code ponte reindex} is a SIGINT to the demo.</li>
 * </ul>
 *
 * <p>Lists answer {@code {"items":[…],"next":…}} (the feed alone keeps {@code entries}); the steps that read lists
 * (search hits, agreements, licences, versions, delivery attempts) check that shape.
 */
class TourTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    private static final String SECTION = "A five-minute tour";
    private static final Pattern ITEM_ID = Pattern.compile("[0-9a-z]{20}");
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final Duration BACKGROUND_WORK = Duration.ofSeconds(60);
    private static final Duration STARTING = Duration.ofSeconds(180);

    @TempDir
    Path clone;

    private final int api = freePort();
    private final int management = freePort();
    private final int receiver = freePort();
    private final int feedServer = freePort();
    private CommandProcess demo;

    @Test
    void theReadmeTourWorksAsWrittenOnAFreshNode() throws Exception {
        List<TourSteps.Step> steps = TourSteps.in(Files.readString(REPOSITORY.resolve("README.md")), SECTION);
        List<Expect> expected = expectations();
        for (int i = 0; i < Math.min(steps.size(), expected.size()); i++) {
            assertThat(steps.get(i).text()).as("%s is not the step expected here (one with %s)", steps.get(i), expected.get(i).witness)
                    .contains(expected.get(i).witness);
        }
        assertThat(steps.size()).as("the tour's steps against this test's expectations; the first without a partner: %s",
                steps.size() > expected.size() ? steps.get(expected.size()) : expected.size() > steps.size() ? expected.get(steps.size()).witness : "")
                .isEqualTo(expected.size());
        prepareTheClone();
        try (Shell shell = new Shell(clone, Map.of())) {
            assertThat(shell.run("command -v curl jq python3 ffmpeg ffprobe timeout", STEP).output().lines())
                    .as("the tour needs curl, jq, python3 and ffmpeg (README), the harness timeout (coreutils)").hasSize(6);
            for (int i = 0; i < steps.size(); i++) {
                take(steps.get(i), expected.get(i), shell);
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    /** What the README promises, step by step, in its order. */
    private List<Expect> expectations() {
        return List.of(
                startedByTheTest("PONTE_ADMIN_KEY=admin-secret ./ponte demo"),
                expect("P=http://127.0.0.1:", a -> assertThat(a.variable("P")).isEqualTo("http://127.0.0.1:" + api)),

                // What a partner sees
                expect("feed?limit=2", a -> assertThat(a.json().get("entries")).hasSize(2)),
                expect("demo-kaze-broadcasting-partner", a -> assertThat(a.json().get("entries")).isEmpty()),

                // Publish
                expect("ID=$(curl", a -> {
                    assertThat(text(a.json(), "event")).isEqualTo("published");
                    assertThat(a.json().get("version").asInt()).isEqualTo(1);
                    assertThat(text(a.json(), "uri")).startsWith("urn:ponte:item:");
                    assertThat(a.variable("ID")).isEqualTo(text(a.json(), "id")).matches(ITEM_ID);
                }),

                // The partner's feed
                expect("the new item last", a -> {
                    JsonNode entries = a.json().get("entries");
                    assertThat(text(entries.get(entries.size() - 1).get("item").get("headlines").get(0), "value"))
                            .isEqualTo("Cortina, completata la pista da bob");
                    assertThat(a.json().get("next")).isNotNull();
                }),
                expect("NEXT=$(", a -> assertThat(a.variable("NEXT")).isNotBlank().isNotEqualTo("null")),
                expect("nothing newer yet", a -> assertThat(a.json().get("entries")).isEmpty()),
                expect("with usageTerms and rightsInfo", a -> {
                    assertThat(text(a.json().get("headlines").get(0), "value")).isEqualTo("Cortina, completata la pista da bob");
                    assertThat(a.json().has("usageTerms")).isTrue();
                    assertThat(a.json().has("rightsInfo")).isTrue();
                }),
                expect("demo-arirang-partner", a -> assertThat(a.json().get("status").asInt()).isEqualTo(404)),

                // Correct it, then kill it
                expect("\"signal\": \"correction\"", a -> assertThat(text(a.json(), "event") + " v" + a.json().get("version").asInt()).isEqualTo("corrected v2")),
                expect("-X DELETE", a -> assertThat(text(a.json(), "event") + " v" + a.json().get("version").asInt()).isEqualTo("killed v3")),
                expect("/versions", a -> {
                    assertThat(a.json().get("items")).extracting(v -> text(v, "event")).containsExactly("published", "corrected", "killed");
                    assertThat(text(a.json().get("items").get(2), "reason")).isEqualTo("Duplicate of an earlier story");
                }),
                expect("\"corrected\", then \"killed\"", a -> {
                    JsonNode entries = a.json().get("entries");
                    assertThat(entries).extracting(e -> text(e, "event")).containsExactly("corrected", "killed");
                    assertThat(text(entries.get(1).get("item"), "pubStatus")).isEqualTo("canceled");
                }),

                // Why does a partner (not) get an item?
                expect("ZH=$(", a -> assertThat(a.variable("ZH")).matches(ITEM_ID)).eventually(),
                expect("/explain?partner=arirang", a -> {
                    assertThat(a.json().get("entitled").asBoolean()).isFalse();
                    assertThat(a.json().get("licences")).singleElement().satisfies(l -> {
                        assertThat(l.get("grants").asBoolean()).isFalse();
                        assertThat(l.get("reasons")).extracting(JsonNode::asString).containsExactly("language zh-Hans not licensed (licensed: [en, ko])");
                    });
                }),
                expect("the agreements CCTV+ is party to", a -> assertThat(a.json().get("items")).extracting(g -> text(g, "id")).contains("cctv-plus-arirang")),
                expect("the licences to and from CCTV+ in force now", a -> assertThat(a.json().get("items"))
                        .extracting(l -> text(l, "licensor") + " → " + text(l, "licensee")).contains("cctv-plus → arirang")
                        .allMatch(l -> l.startsWith("cctv-plus → ") || l.endsWith(" → cctv-plus"))),

                // An agreement both sides must approve
                expect("demo-cj-enm-partner' \"$P/v1/feed\"", a -> assertThat(a.json().get("entries")).isEmpty()),
                expect("/approve", a -> assertThat(text(a.json(), "state")).isEqualTo("active")),
                expect("sleep 2;", a -> assertThat(a.json().get("entries")).isNotEmpty()
                        .allSatisfy(e -> assertThat(text(e.get("item"), "uri")).startsWith("urn:ponte:demo:cinecitta:"))).eventually(),

                // Co-production
                expect("/v1/coproductions/cinecitta-cj-enm-slate\"", a -> {
                    assertThat(text(a.json(), "state")).isEqualTo("draft");
                    assertThat(a.json().get("awaitingApproval")).extracting(JsonNode::asString).containsExactly("cj-enm");
                }),
                expect("cinecitta-cj-enm-slate/approve", a -> assertThat(text(a.json(), "state")).isEqualTo("active")),
                expect("$ZH/versions", a -> assertThat(a.json().get("items")).extracting(v -> text(v, "event"))
                        .containsExactly("drafted", "approved", "approved", "published", // the demo network's release
                                "drafted", "approved", "approved", "updated")),                         // the demo clip attached
                expect("$ZH/explain?partner=cgtn", a -> {
                    assertThat(a.json().get("entitled").asBoolean()).isTrue();
                    assertThat(text(a.json(), "carriedBy")).isEqualTo("cctv-plus");
                }),

                // Search in any language
                expect("its English version listed", a -> assertThat(a.output())
                        .contains("urn:ponte:demo:cctv-plus:milano-cortina-focus-zh", "urn:ponte:demo:cctv-plus:milano-cortina-focus-en")),
                expect("q=coproduzione&lang=it", a -> assertThat(a.output()).contains("urn:ponte:demo:cinecitta:coproduction-talks-it")).eventually(),
                expect("q=coproduzioni&sort=newest", a -> assertThat(a.output()).contains("urn:ponte:demo:cinecitta:coproduction-talks-it")),
                expect("reach?coproduction=milano-cortina-focus", a -> {
                    assertThat(a.json().get("country")).extracting(b -> text(b, "value")).contains("KE", "US", "KR", "BR");
                    assertThat(a.json().get("totals").get("reported").asLong()).isGreaterThanOrEqualTo(6);
                }),

                // Push
                expect("serve_forever()' &", a -> awaitListening(receiver)),
                expect("EP=$(curl", a -> {
                    assertThat(text(a.json(), "id")).startsWith("ep_");
                    assertThat(text(a.json(), "secret")).startsWith("whsec_");
                    assertThat(a.variable("EP")).isEqualTo(text(a.json(), "id"));
                }),
                expect("Milano, il villaggio olimpico apre le porte", a -> assertThat(text(a.json(), "event")).isEqualTo("published")),
                expect("/deliveries", a -> {
                    assertThat(a.json().get("items")).isNotEmpty().allSatisfy(d -> {
                        assertThat(d.get("delivered").asBoolean()).isTrue();
                        assertThat(d.get("status").asInt()).isEqualTo(204);
                    });
                    assertThat(a.transcript()).contains("msg_ep_").contains("{\"type\":\"item.published\""); // the receiver printed it
                }).eventually(),
                expect("/v1/stream", a -> assertThat(a.output()).contains("event: published", "Milano, il villaggio olimpico apre le porte"))
                        .boundedBy(Duration.ofSeconds(5)),

                // Formats and conditional requests
                expect("application/atom+xml", a -> assertThat(a.output()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")),
                expect("newsmessage+xml", a -> assertThat(a.output()).contains("<newsMessage")),
                expect("ninjs=2.2", a -> assertThat(a.json().get("entries")).isNotEmpty() // ninjs 2.2 spells its members in lower case
                        .allSatisfy(e -> assertThat(e.get("item").has("pubstatus")).isTrue())),
                expect("ETAG=$(", a -> {
                    String etag = a.variable("ETAG");
                    assertThat(etag).matches("\"[^\"]+\"");
                    assertThat(a.output()).contains(etag);
                }),
                expect("If-None-Match: $ETAG", a -> assertThat(a.output()).containsPattern("(?m)^HTTP/1.1 304 ")),

                // Pull in another agency's feed
                expect("http.server 8000", a -> awaitListening(feedServer)),
                expect("SOURCE=$(curl", a -> {
                    assertThat(text(a.json(), "url")).isEqualTo("http://127.0.0.1:" + feedServer + "/world.atom");
                    assertThat(a.variable("SOURCE")).isEqualTo(text(a.json(), "id"));
                }),
                expect("/v1/ingest/sources/$SOURCE\"", a -> {
                    assertThat(text(a.json().get("status"), "state")).isEqualTo("ok");
                    assertThat(a.json().get("status").get("counts").get("published").asInt()).isEqualTo(2);
                }).eventually(),
                expect("q=Engadin", a -> assertThat(jsonLines(a.output())).extracting(h -> text(h, "uri"))
                        .containsExactlyInAnyOrder("tag:example.org,2026:alpine-wire/engadin-marathon", "tag:example.org,2026:alpine-wire/engadin-night-trains"))
                        .eventually(),
                expect("@docs/tour/story.xml", a -> {
                    assertThat(a.json().get("published").asInt()).isEqualTo(1);
                    assertThat(a.json().get("items")).singleElement().satisfies(i -> {
                        assertThat(text(i, "uri")).isEqualTo("urn:newsml:example.org:20260203:bormio-stelvio");
                        assertThat(text(i, "id")).matches(ITEM_ID);
                    });
                }),

                // Media
                expect("CLIPS=$(mktemp -d); ffmpeg", a -> assertThat(a.exit()).isZero()),
                expect("MEDIA=$(curl", a -> {
                    assertThat(text(a.json(), "state")).isEqualTo("processing");
                    assertThat(a.variable("MEDIA")).isEqualTo(text(a.json(), "id"));
                }),
                expect("until curl", a -> assertThat(a.exit()).isZero()),
                expect("renditions: [.renditions[].name]", a -> {
                    assertThat(text(a.json(), "state")).isEqualTo("ready");
                    assertThat(a.json().get("renditions")).extracting(JsonNode::asString).contains("proxy", "poster");
                }),
                expect("CLIP=$(curl", a -> assertThat(a.variable("CLIP")).matches(ITEM_ID)),
                expect("HREF=$(curl", a -> assertThat(a.variable("HREF")).startsWith("http://127.0.0.1:" + api + "/v1/media/")
                        .contains("org=cctv-plus").contains("&sig=")),
                expect("%{http_code}", a -> assertThat(a.output()).startsWith("200 video/mp4 ")),
                expect("ffprobe -v error", a -> assertThat(a.output().strip()).isEqualTo("h264,320,180")),

                // When you are done
                expect("kill $(jobs -p)", a -> {
                    assertThat(a.exit()).isZero();
                    await().atMost(BACKGROUND_WORK).until(() -> !listening(receiver) && !listening(feedServer));
                }),
                expect("./ponte reindex --data-dir ponte-data/demo", a -> {
                    assertThat(a.exit()).isZero();
                    assertThat(a.output()).contains("search index rebuilt from");
                }).after(this::ctrlCInTheDemosTerminal));
    }

    // --- taking a step ---

    private void take(TourSteps.Step step, Expect expect, Shell shell) throws Exception {
        if (expect.startedByTheTest) {
            startTheDemo(step);
            return;
        }
        expect.before.run();
        String typed = onFreePorts(step.text());
        if (expect.bound != null) {
            typed = "timeout -s INT " + expect.bound.toSeconds() + " " + typed;
        }
        long deadline = System.nanoTime() + BACKGROUND_WORK.toNanos();
        while (true) {
            Shell.Ran ran = shell.run(typed, STEP);
            try {
                expect.check.verify(new Answer(ran.exit(), ran.output(), shell));
                return;
            } catch (AssertionError | RuntimeException e) {
                if (!expect.eventually || System.nanoTime() > deadline) {
                    throw new AssertionError(step + "\ntyped:\n" + typed + "\nanswered (exit " + ran.exit() + "):\n" + shortened(ran.output())
                            + "\n" + shortened(String.valueOf(e.getMessage())), e);
                }
                Thread.sleep(300);
            }
        }
    }

    /** The tour's first line, run by the test in the background as a reader runs it in a terminal of its own. */
    private void startTheDemo(TourSteps.Step step) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (String word : step.text().strip().split("\\s+")) {
            if (command.isEmpty() && word.matches("[A-Z_]+=.*")) {
                env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            } else {
                command.add(word);
            }
        }
        env.put("PONTE_PORT", Integer.toString(api));
        env.put("PONTE_MANAGEMENT_PORT", Integer.toString(management));
        demo = CommandProcess.run(clone, env, command);
        demo.awaitLine(l -> l.contains("demo network:"), STARTING);
    }

    /** Ctrl-C where the demo runs: it stops, says so in one line, and has printed nothing else since its banner. */
    private void ctrlCInTheDemosTerminal() throws Exception {
        int bannerEnd = demo.lines().indexOf(demo.awaitLine(l -> l.contains("push:"), STARTING));
        demo.interrupt();
        demo.awaitExit(Duration.ofSeconds(60));
        List<String> lines = demo.lines();
        assertThat(lines.subList(bannerEnd + 1, lines.size()).stream().filter(l -> !l.isBlank()))
                .as("what the demo printed after its banner").containsExactly("Ponte stopped.");
    }

    /** The tour's fixed ports, replaced by free ones; a port the table misses fails the step rather than reach a real one. */
    private String onFreePorts(String command) {
        Map<String, String> ports = new LinkedHashMap<>();
        ports.put("127.0.0.1:8080", "127.0.0.1:" + api);
        ports.put("127.0.0.1:9000", "127.0.0.1:" + receiver);
        ports.put("(\"127.0.0.1\", 9000)", "(\"127.0.0.1\", " + receiver + ")");
        ports.put("127.0.0.1:8000", "127.0.0.1:" + feedServer);
        ports.put("http.server 8000", "http.server " + feedServer);
        String typed = command;
        for (Map.Entry<String, String> p : ports.entrySet()) {
            typed = typed.replace(p.getKey(), p.getValue());
        }
        assertThat(typed).as("a fixed port the harness does not replace").doesNotContainPattern("\\b(8080|8081|8000|9000)\\b");
        return typed;
    }

    /** A fresh clone as far as the tour can tell: docs/ (the sample files) and a ./ponte that runs this build. */
    private void prepareTheClone() throws IOException {
        Files.createSymbolicLink(clone.resolve("docs"), REPOSITORY.resolve("docs"));
        String java = CommandProcess.ponte().stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path ponte = clone.resolve("ponte");
        Files.writeString(ponte, "#!/usr/bin/env bash\n# The test's ./ponte: the launcher's JVM options, the test's classes instead of the jar.\nexec "
                + java + " \"$@\"\n");
        Files.setPosixFilePermissions(ponte, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    // --- expectations ---

    @FunctionalInterface
    private interface Check {
        void verify(Answer answer) throws Exception;
    }

    @FunctionalInterface
    private interface Before {
        void run() throws Exception;
    }

    /** What one step answered, with the shell it ran in (its variables, the whole session so far). */
    private record Answer(int exit, String output, Shell shell) {
        /**
         * The first whole JSON object the step printed. Background jobs print on the same screen (the receiver a
         * truncated payload, the feed server its access log, even on the line a curl answer left unfinished), so
         * what is not one whole object is passed over.
         */
        JsonNode json() {
            for (int start = output.indexOf('{'); start >= 0; start = output.indexOf('{', start + 1)) {
                try (JsonParser parser = NinjsWriter.mapper().createParser(output.substring(start))) {
                    JsonNode node = parser.readValueAsTree();
                    if (node != null && node.isObject()) {
                        return node;
                    }
                } catch (JacksonException notWhole) {
                    // a fragment: try the next brace
                }
            }
            throw new AssertionError("no JSON object in: " + shortened(output));
        }

        String variable(String name) throws IOException, InterruptedException {
            return shell.variable(name);
        }

        String transcript() {
            return shell.transcript();
        }
    }

    private static final class Expect {
        final String witness;
        final Check check;
        boolean startedByTheTest;
        boolean eventually;
        Duration bound;
        Before before = () -> { };

        Expect(String witness, Check check) {
            this.witness = witness;
            this.check = check;
        }

        /** A read of work done in the background: typed again until it answers so. */
        Expect eventually() {
            eventually = true;
            return this;
        }

        /** A step that runs until Ctrl-C: stopped after {@code bound}. */
        Expect boundedBy(Duration limit) {
            bound = limit;
            return this;
        }

        Expect after(Before action) {
            before = action;
            return this;
        }
    }

    private static Expect expect(String witness, Check check) {
        return new Expect(witness, check);
    }

    private static Expect startedByTheTest(String line) {
        Expect e = new Expect(line, a -> { });
        e.startedByTheTest = true;
        return e;
    }

    private static String text(JsonNode node, String member) {
        assertThat(node.has(member)).as("%s in %s", member, node).isTrue();
        return node.get(member).asString();
    }

    /** Feeds run to kilobytes a line: enough of one to see what went wrong. */
    private static String shortened(String text) {
        return text.length() <= 3_000 ? text : text.substring(0, 3_000) + " … (" + (text.length() - 3_000) + " more characters)";
    }

    private static List<JsonNode> jsonLines(String output) {
        return output.lines().filter(l -> l.startsWith("{")).map(l -> NinjsWriter.mapper().readTree(l)).toList();
    }

    private static void awaitListening(int port) {
        await().atMost(BACKGROUND_WORK).until(() -> listening(port));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
