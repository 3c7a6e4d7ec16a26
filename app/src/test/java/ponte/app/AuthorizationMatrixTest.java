package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may do what, as a client meets it: every documented operation that names a resource (read from /openapi.json,
 * so an operation added without a rule here fails), asked by each role (admin, editor, partner) of the org that owns
 * the resource, of a party (an org with an agreement with the owner, licensed the owner's news), of an outsider, and
 * with the bootstrap key. Each request is valid, so its answer says only whether the caller may do it. The rule is
 * the API's (shared/API.md): 2xx for who may; 403 for a known key without the role on something it may see; 404 for a
 * caller that may not see the resource, whatever its role; never a 5xx; every 4xx is application/problem+json.
 */
class AuthorizationMatrixTest {
    /**
     * The verdict per operation and caller: {@code ok} (2xx), {@code 403} or {@code 404}. Who sees what: an org's
     * profile, every key; an agreement, its parties' keys; an item, its owners' keys and (reading) the orgs its gate
     * grants it, here the party; an item's history, its owners' keys only; a product, its owner's keys, its licensees'
     * and the bootstrap key; endpoints and ingest sources, their org's keys; what a problem type means, anyone. The
     * bootstrap key manages orgs and sees no content and no agreement.
     */
    static final String VERDICTS = """
            #                                               owner         party         outsider      bootstrap
            #                                               adm edi par   adm edi par   adm edi par
            GET    /v1/orgs/{org}                           ok  ok  ok    ok  ok  ok    ok  ok  ok    ok
            GET    /v1/products/{id}                        ok  ok  ok    ok  ok  ok    404 404 404   ok
            POST   /v1/orgs/{org}/keys                      ok  403 403   403 403 403   403 403 403   ok
            GET    /v1/orgs/{org}/keys                      ok  403 403   403 403 403   403 403 403   ok
            DELETE /v1/orgs/{org}/keys/{id}                 ok  403 403   403 403 403   403 403 403   ok
            POST   /v1/orgs/{org}/outlets                   ok  403 403   403 403 403   403 403 403   ok
            GET    /v1/agreements/{id}                      ok  ok  ok    ok  ok  ok    404 404 404   404
            PUT    /v1/agreements/{id}                      ok  ok  403   ok  ok  403   404 404 404   404
            GET    /v1/agreements/{id}/versions             ok  ok  ok    ok  ok  ok    404 404 404   404
            GET    /v1/campaigns/{id}                       ok  ok  ok    ok  ok  ok    404 404 404   404
            PUT    /v1/campaigns/{id}                       ok  ok  403   403 403 403   404 404 404   404
            GET    /v1/campaigns/{id}/versions              ok  ok  ok    ok  ok  ok    404 404 404   404
            POST   /v1/campaigns/{id}/offers                ok  ok  403   403 403 403   404 404 404   404
            GET    /v1/campaigns/{id}/offers                ok  ok  ok    ok  ok  ok    404 404 404   404
            GET    /v1/campaigns/{id}/funnel                ok  ok  403   ok  ok  ok    404 404 404   404
            # a tracked link takes no key: everyone is redirected alike
            GET    /go/{code}                               302 302 302   302 302 302   302 302 302   302
            GET    /v1/live-events/{id}                     ok  ok  ok    ok  ok  ok    404 404 404   404
            POST   /v1/live-events/{id}/viewers             403 403 403   ok  ok  ok    404 404 404   404
            # a heartbeat takes no key: every player counts alike
            POST   /go/live/{code}                          ok  ok  ok    ok  ok  ok    ok  ok  ok    ok
            POST   /v1/agreements/{id}/approve              ok  403 403   ok  403 403   404 404 404   404
            POST   /v1/agreements/{id}/renew                ok  ok  403   ok  ok  403   404 404 404   404
            POST   /v1/agreements/{id}/suspend              ok  403 403   ok  403 403   404 404 404   404
            POST   /v1/agreements/{id}/resume               ok  403 403   ok  403 403   404 404 404   404
            GET    /v1/coproductions/{id}                   ok  ok  ok    ok  ok  ok    404 404 404   404
            PUT    /v1/coproductions/{id}                   ok  ok  403   ok  ok  403   404 404 404   404
            GET    /v1/coproductions/{id}/versions          ok  ok  ok    ok  ok  ok    404 404 404   404
            POST   /v1/coproductions/{id}/approve           ok  403 403   ok  403 403   404 404 404   404
            GET    /v1/items/{id}                           ok  ok  ok    ok  ok  ok    404 404 404   404
            PUT    /v1/items/{id}                           ok  ok  403   404 404 404   404 404 404   404
            DELETE /v1/items/{id}                           ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/items/{id}/explain                   ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/items/{id}/translations              ok  ok  ok    ok  ok  ok    404 404 404   404
            GET    /v1/items/{id}/versions                  ok  ok  ok    404 404 404   404 404 404   404
            GET    /v1/items/{id}/recipients                ok  ok  403   404 404 404   404 404 404   404
            POST   /v1/items/{id}/approve                   ok  ok  403   ok  ok  403   404 404 404   404
            POST   /v1/items/{id}/reject                    ok  ok  403   ok  ok  403   404 404 404   404
            POST   /v1/items/{id}/machine-translations      ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/translation-tasks/{id}               ok  ok  ok    404 404 404   404 404 404   404
            POST   /v1/translation-tasks/{id}/done          ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/endpoints/{id}                       ok  ok  ok    404 404 404   404 404 404   404
            PATCH  /v1/endpoints/{id}                       ok  ok  ok    404 404 404   404 404 404   404
            DELETE /v1/endpoints/{id}                       ok  ok  ok    404 404 404   404 404 404   404
            POST   /v1/endpoints/{id}/rotate-secret         ok  ok  ok    404 404 404   404 404 404   404
            GET    /v1/endpoints/{id}/deliveries            ok  ok  ok    404 404 404   404 404 404   404
            GET    /v1/endpoints/{id}/dead-letters          ok  ok  ok    404 404 404   404 404 404   404
            POST   /v1/endpoints/{id}/dead-letters/resend   ok  ok  ok    404 404 404   404 404 404   404
            POST   /v1/endpoints/{id}/dead-letters/{entry}/resend
                                                            ok  ok  ok    404 404 404   404 404 404   404
            POST   /v1/endpoints/{id}/replay                ok  ok  ok    404 404 404   404 404 404   404
            GET    /v1/ingest/sources/{id}                  ok  ok  403   404 404 404   404 404 404   404
            PATCH  /v1/ingest/sources/{id}                  ok  ok  403   404 404 404   404 404 404   404
            DELETE /v1/ingest/sources/{id}                  ok  ok  403   404 404 404   404 404 404   404
            POST   /v1/ingest/sources/{id}/poll             ok  ok  403   404 404 404   404 404 404   404
            # An import's id names it within the caller's org: another org's editor names an import of its own (none
            # yet: 404), a key without the editor role is 403 whoever's it is, as nothing of the owner's is named.
            GET    /v1/ingest/imports/{id}                  ok  ok  403   404 404 403   404 404 403   403
            GET    /problems/{slug}                         ok  ok  ok    ok  ok  ok    ok  ok  ok    ok
            GET    /v1/media/{id}                           ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/media/{id}/renditions/{name}         ok  ok  ok    ok  ok  ok    404 404 404   404
            PUT    /v1/media/{id}/subtitles/{lang}          ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/uploads/{id}                         ok  ok  403   404 404 404   404 404 404   404
            GET    /v1/orgs/{org}/rendition-profile         ok  403 403   403 403 403   403 403 403   ok
            PUT    /v1/orgs/{org}/rendition-profile         ok  403 403   403 403 403   403 403 403   ok
            PATCH  /v1/uploads/{id}                         ok  ok  403   404 404 404   404 404 404   404
            DELETE /v1/uploads/{id}                         ok  ok  403   404 404 404   404 404 404   404
            """;

    private static final List<String> CALLERS = List.of("owner admin", "owner editor", "owner partner", "party admin", "party editor",
            "party partner", "outsider admin", "outsider editor", "outsider partner", "bootstrap");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @TempDir
    static Path dataDir;
    static TestNode node;
    static Receiver receiver;
    static final Map<String, String> keys = new LinkedHashMap<>();
    /** Endpoints of the owner that each hold a dead letter: one for each request that re-sends one. */
    static final Deque<String[]> deadLetters = new ArrayDeque<>();
    static final AtomicInteger made = new AtomicInteger();
    static Targets shared;
    static String partyOutlet;

    @BeforeAll
    static void network() throws Exception {
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true)
                .withSchedule(Schedule.parse("0,10,20")).withTimeout(Duration.ofSeconds(1)).withPoll(Duration.ofMillis(200));
        node = new TestNode(dataDir, Clock.systemUTC(), delivery);
        receiver = new Receiver();
        receiver.answer("/failing", 500);
        Networks.Keys network = Networks.aNetwork(node)
                .agency("owner", "IT").withKey("admin").withKey("partner").withProducts("owner-news")
                .agency("party", "KR").withKey("admin").withKey("partner").withProducts("party-news")
                .agency("outsider", "JP").withKey("admin").withKey("partner").withProducts("outsider-news")
                .build();
        for (String caller : CALLERS.subList(0, 9)) {
            String[] orgAndRole = caller.split(" ");
            keys.put(caller, network.key(orgAndRole[0], orgAndRole[1]));
        }
        keys.put("bootstrap", TestNode.ADMIN);
        // The party's relation to the owner: one agreement both approved, each licensing the other its news.
        String inForce = propose("owner-party", "owner editor");
        ok(node.post("/v1/agreements/" + inForce + "/approve", keys.get("owner admin"), ""));
        ok(node.post("/v1/agreements/" + inForce + "/approve", keys.get("party admin"), ""));
        // The party's web site, a channel of the owner's campaigns.
        partyOutlet = created(node.post("/v1/orgs/party/outlets", TestNode.ADMIN, "{\"name\":\"Party Web\",\"kind\":\"web\",\"country\":\"KR\"}"));
        // Terms the owner is no party to, with the org its items are explained for: the outsider's licence to the party,
        // in force, and a draft of theirs. Explaining the owner's item must not name either.
        ok(node.post("/v1/licences", keys.get("outsider editor"), "{\"licensee\":\"party\",\"products\":[\"outsider-news\"]}"));
        created(node.post("/v1/agreements", keys.get("outsider editor"), """
                {"id": "outsider-party-draft", "title": "Draft", "parties": ["outsider", "party"],
                 "grants": [{"licensor": "outsider", "licensee": "party", "products": ["outsider-news"]}]}"""));
        // A co-production of the owner and the party, active: co-produced items are drafted under it.
        created(node.post("/v1/coproductions", keys.get("owner editor"), plan("joint")));
        ok(node.post("/v1/coproductions/joint/approve", keys.get("owner admin"), ""));
        ok(node.post("/v1/coproductions/joint/approve", keys.get("party admin"), ""));
        holdDeadLetters(CALLERS.size() + 1);
        shared = new Targets(false);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    @Test
    void everyDocumentedOperationOnAResourceAnswersEachCallerByTheRule() {
        Map<String, List<String>> verdicts = verdicts();
        List<String> operations = documentedOperationsNamingAResource();
        assertThat(verdicts.keySet()).as("operations with a rule in VERDICTS that /openapi.json does not document")
                .isSubsetOf(operations);
        assertThat(operations).as("documented operations without a rule in VERDICTS").isSubsetOf(verdicts.keySet());

        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            for (int c = 0; c < CALLERS.size(); c++) {
                String caller = CALLERS.get(c);
                Call call = call(operation, operation.startsWith("GET ") ? shared : new Targets(true));
                TestNode.Answer answer = send(call, keys.get(caller));
                judge(operation, caller, verdicts.get(operation).get(c), call, answer).ifPresent(wrong::add);
                unseenAgreements(answer, keys.get(caller)).forEach(a -> wrong.add(operation + " by " + caller + " (" + call.path()
                        + ") names agreement " + a + ", which that caller may not see"));
            }
        }
        assertThat(wrong).as("answers against the rule, of %d judged", operations.size() * CALLERS.size()).isEmpty();
    }

    /** Why the answer breaks the rule, if it does. */
    private static Optional<String> judge(String operation, String caller, String expected, Call call, TestNode.Answer a) {
        String seen = operation + " by " + caller + " (" + call.path() + "): expected " + expected + ", answered " + a.status() + " "
                + a.raw().body().substring(0, Math.min(200, a.raw().body().length()));
        if (a.status() >= 500) {
            return Optional.of(seen + " [never a 5xx]");
        }
        if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
            return Optional.of(seen + " [a 4xx is application/problem+json, not " + a.contentType() + "]");
        }
        boolean right = expected.equals("ok") ? a.status() / 100 == 2 : String.valueOf(a.status()).equals(expected);
        return right ? Optional.empty() : Optional.of(seen);
    }

    /** The agreements an answer names (members called "agreement", at any depth) that the caller may not read. */
    private static List<String> unseenAgreements(TestNode.Answer a, String key) {
        List<String> named = new ArrayList<>();
        if (a.status() / 100 == 2 && a.json() != null) {
            a.json().findValues("agreement").forEach(v -> named.add(v.asString()));
        }
        return named.stream().distinct().filter(id -> node.get("/v1/agreements/" + id, key).status() != 200).toList();
    }

    // --- the rule, read from the table ---

    private static Map<String, List<String>> verdicts() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String line : VERDICTS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            words.addAll(List.of(line.split("\\s+")));
        }
        for (int i = 0; i < words.size(); i += 2 + CALLERS.size()) {
            List<String> row = words.subList(i + 2, i + 2 + CALLERS.size());
            assertThat(row).as("verdicts of %s %s", words.get(i), words.get(i + 1)).allMatch(v -> Set.of("ok", "302", "403", "404").contains(v));
            out.put(words.get(i) + " " + words.get(i + 1), List.copyOf(row));
        }
        return out;
    }

    /** "METHOD /path" of every operation /openapi.json documents whose path names a resource (has a parameter). */
    private static List<String> documentedOperationsNamingAResource() {
        JsonNode paths = node.get("/openapi.json", null).json().get("paths");
        List<String> out = new ArrayList<>();
        paths.properties().forEach(path -> {
            // PUT /v1/ingest/imports/{id} starts an import the client names within its own org: like a POST that
            // creates, it names nothing of anyone else's (its GET, which reads one, is judged here).
            if (path.getKey().contains("{")) {
                path.getValue().properties().stream().filter(op -> METHODS.contains(op.getKey()))
                        .map(op -> op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())
                        .filter(operation -> !operation.equals("PUT /v1/ingest/imports/{id}")).forEach(out::add);
            }
        });
        return out;
    }

    // --- a valid request for each operation ---

    record Call(String method, String path, String body) {}

    /** A request that passes validation, so that only who asks decides the answer; a rule without one fails here. */
    private static Call call(String operation, Targets t) {
        String endpoint = "/v1/endpoints/";
        String source = "/v1/ingest/sources/";
        return switch (operation) {
            case "GET /v1/orgs/{org}" -> new Call("GET", "/v1/orgs/" + t.org(), null);
            case "POST /v1/orgs/{org}/keys" -> new Call("POST", "/v1/orgs/" + t.org() + "/keys", "{\"role\":\"partner\"}");
            case "GET /v1/orgs/{org}/keys" -> new Call("GET", "/v1/orgs/" + t.org() + "/keys", null);
            case "DELETE /v1/orgs/{org}/keys/{id}" -> new Call("DELETE", "/v1/orgs/" + t.org() + "/keys/" + t.key(), null);
            case "POST /v1/orgs/{org}/outlets" -> new Call("POST", "/v1/orgs/" + t.org() + "/outlets",
                    "{\"name\":\"Owner Web\",\"kind\":\"web\",\"country\":\"IT\"}");
            case "GET /v1/agreements/{id}" -> new Call("GET", "/v1/agreements/" + t.agreement(), null);
            case "PUT /v1/agreements/{id}" -> new Call("PUT", "/v1/agreements/" + t.agreement(), terms("Amended terms"));
            case "GET /v1/agreements/{id}/versions" -> new Call("GET", "/v1/agreements/" + t.agreement() + "/versions", null);
            case "POST /v1/agreements/{id}/approve" -> new Call("POST", "/v1/agreements/" + t.agreement() + "/approve", "");
            case "POST /v1/agreements/{id}/renew" -> new Call("POST", "/v1/agreements/" + t.agreement() + "/renew",
                    "{\"validTo\":\"2040-01-01T00:00:00Z\"}");
            case "POST /v1/agreements/{id}/suspend" -> new Call("POST", "/v1/agreements/" + t.agreement() + "/suspend", "");
            case "POST /v1/agreements/{id}/resume" -> new Call("POST", "/v1/agreements/" + t.agreement() + "/resume", "");
            case "GET /v1/campaigns/{id}" -> new Call("GET", "/v1/campaigns/" + t.campaign(), null);
            case "PUT /v1/campaigns/{id}" -> new Call("PUT", "/v1/campaigns/" + t.campaign(), campaignTerms(t.campaignItem(), "Amended campaign"));
            case "POST /v1/campaigns/{id}/offers" -> new Call("POST", "/v1/campaigns/" + t.campaign() + "/offers", """
                    {"id": "package", "item": "%s", "title": "Package", "price": "100.00", "currency": "EUR",
                     "bookingUrl": "https://booking.example/package"}""".formatted(t.campaignItem()));
            case "GET /v1/campaigns/{id}/offers" -> new Call("GET", "/v1/campaigns/" + t.campaign() + "/offers", null);
            case "GET /v1/campaigns/{id}/funnel" -> new Call("GET", "/v1/campaigns/" + t.campaign() + "/funnel", null);
            case "GET /go/{code}" -> new Call("GET", "/go/" + t.link(), null);
            case "GET /v1/live-events/{id}" -> new Call("GET", "/v1/live-events/" + t.liveEvent(), null);
            case "POST /v1/live-events/{id}/viewers" -> new Call("POST", "/v1/live-events/" + t.liveEvent() + "/viewers",
                    "{\"samples\": [{\"at\": \"2026-05-21T12:00:00Z\", \"concurrent\": 10}]}");
            case "POST /go/live/{code}" -> new Call("POST", "/go/live/" + t.heartbeatCode(), "");
            case "GET /v1/campaigns/{id}/versions" -> new Call("GET", "/v1/campaigns/" + t.campaign() + "/versions", null);
            case "GET /v1/coproductions/{id}" -> new Call("GET", "/v1/coproductions/" + t.coproduction(), null);
            case "PUT /v1/coproductions/{id}" -> new Call("PUT", "/v1/coproductions/" + t.coproduction(), plan("m"));
            case "GET /v1/coproductions/{id}/versions" -> new Call("GET", "/v1/coproductions/" + t.coproduction() + "/versions", null);
            case "POST /v1/coproductions/{id}/approve" -> new Call("POST", "/v1/coproductions/" + t.coproduction() + "/approve", "");
            case "GET /v1/items/{id}" -> new Call("GET", "/v1/items/" + t.item(), null);
            case "PUT /v1/items/{id}" -> new Call("PUT", "/v1/items/" + t.item(), reviseBody(ninjs("it", "Revised"), "update"));
            case "DELETE /v1/items/{id}" -> new Call("DELETE", "/v1/items/" + t.item(), "{\"reason\":\"withdrawn\"}");
            case "GET /v1/items/{id}/explain" -> new Call("GET", "/v1/items/" + t.item() + "/explain?partner=party", null);
            case "GET /v1/items/{id}/translations" -> new Call("GET", "/v1/items/" + t.item() + "/translations", null);
            case "GET /v1/items/{id}/versions" -> new Call("GET", "/v1/items/" + t.item() + "/versions", null);
            case "GET /v1/items/{id}/recipients" -> new Call("GET", "/v1/items/" + t.item() + "/recipients", null);
            case "POST /v1/items/{id}/approve" -> new Call("POST", "/v1/items/" + t.coItem() + "/approve", "{\"version\": 1}");
            case "POST /v1/items/{id}/reject" -> new Call("POST", "/v1/items/" + t.coItem() + "/reject", "{\"version\": 1, \"comment\": \"no\"}");
            case "POST /v1/items/{id}/machine-translations" -> new Call("POST", "/v1/items/" + t.englishItem() + "/machine-translations",
                    "{\"language\": \"es\"}");
            case "GET /v1/translation-tasks/{id}" -> new Call("GET", "/v1/translation-tasks/" + t.task(), null);
            case "POST /v1/translation-tasks/{id}/done" -> new Call("POST", "/v1/translation-tasks/" + t.task() + "/done", "");
            case "GET /v1/products/{id}" -> new Call("GET", "/v1/products/" + t.product(), null);
            case "GET /problems/{slug}" -> new Call("GET", "/problems/not-found", null);
            case "GET /v1/endpoints/{id}" -> new Call("GET", endpoint + t.endpoint(), null);
            case "PATCH /v1/endpoints/{id}" -> new Call("PATCH", endpoint + t.endpoint(), "{\"paused\":true}");
            case "DELETE /v1/endpoints/{id}" -> new Call("DELETE", endpoint + t.endpoint(), null);
            case "POST /v1/endpoints/{id}/rotate-secret" -> new Call("POST", endpoint + t.endpoint() + "/rotate-secret", "");
            case "GET /v1/endpoints/{id}/deliveries" -> new Call("GET", endpoint + t.endpoint() + "/deliveries", null);
            case "GET /v1/endpoints/{id}/dead-letters" -> new Call("GET", endpoint + t.endpoint() + "/dead-letters", null);
            case "POST /v1/endpoints/{id}/dead-letters/resend" -> new Call("POST", endpoint + t.endpoint() + "/dead-letters/resend", "");
            case "POST /v1/endpoints/{id}/dead-letters/{entry}/resend" -> {
                String[] letter = t.deadLetter();
                yield new Call("POST", endpoint + letter[0] + "/dead-letters/" + letter[1] + "/resend", "");
            }
            case "POST /v1/endpoints/{id}/replay" -> new Call("POST", endpoint + t.endpoint() + "/replay", "{\"from\":\"2020-01-01T00:00:00Z\"}");
            case "GET /v1/ingest/sources/{id}" -> new Call("GET", source + t.source(), null);
            case "GET /v1/media/{id}" -> new Call("GET", "/v1/media/" + t.media(), null);
            case "GET /v1/orgs/{org}/rendition-profile" -> new Call("GET", "/v1/orgs/" + t.org() + "/rendition-profile", null);
            case "PUT /v1/orgs/{org}/rendition-profile" -> new Call("PUT", "/v1/orgs/" + t.org() + "/rendition-profile",
                    "{\"renditions\":[\"proxy\"],\"subtitles\":[\"it\"]}");
            case "GET /v1/uploads/{id}" -> new Call("GET", "/v1/uploads/" + t.upload(), null);
            case "PATCH /v1/uploads/{id}" -> new Call("PATCH", "/v1/uploads/" + t.upload(), "ten bytes!");
            case "DELETE /v1/uploads/{id}" -> new Call("DELETE", "/v1/uploads/" + t.upload(), null);
            case "PUT /v1/media/{id}/subtitles/{lang}" -> new Call("PUT", "/v1/media/" + t.audio() + "/subtitles/it", "WEBVTT\n\n00:00.000 --> 00:01.000\nCiao\n");
            case "GET /v1/media/{id}/renditions/{name}" -> new Call("GET", "/v1/media/" + t.carriedMedia() + "/renditions/small", null);
            case "PATCH /v1/ingest/sources/{id}" -> new Call("PATCH", source + t.source(), "{\"paused\":true}");
            case "DELETE /v1/ingest/sources/{id}" -> new Call("DELETE", source + t.source(), null);
            case "POST /v1/ingest/sources/{id}/poll" -> new Call("POST", source + t.source() + "/poll", "");
            case "GET /v1/ingest/imports/{id}" -> new Call("GET", "/v1/ingest/imports/" + t.backfill(), null);
            default -> throw new AssertionError(operation + " has a rule but no request: add a valid one to call()");
        };
    }

    private static TestNode.Answer send(Call call, String key) {
        if (call.path().startsWith("/v1/uploads/")) { // tus: its version on every request, its own type for bytes
            return node.send(call.method(), call.path(), key, call.method().equals("PATCH") ? "application/offset+octet-stream" : null,
                    call.body() == null ? new byte[0] : call.body().getBytes(), "Tus-Resumable", "1.0.0", "Upload-Offset", "0");
        }
        return switch (call.method()) {
            case "GET" -> node.get(call.path(), key);
            case "POST" -> node.post(call.path(), key, call.body());
            case "PUT" -> node.put(call.path(), key, call.body());
            case "PATCH" -> node.patch(call.path(), key, call.body());
            case "DELETE" -> node.delete(call.path(), key, call.body() == null ? "" : call.body());
            default -> throw new AssertionError("no client for " + call.method());
        };
    }

    /**
     * The resources requests name, all the owner's (an agreement's parties are the owner and the party). A request
     * that may change its resource gets one of its own, so no answer depends on what was asked before.
     */
    static final class Targets {
        private final boolean fresh;
        private final Map<String, String> kept = new HashMap<>();

        Targets(boolean fresh) {
            this.fresh = fresh;
        }

        String org() {
            return "owner";
        }

        /** The owner's product, licensed to the party by the agreement in force. */
        String product() {
            return "owner-news";
        }

        String key() {
            return kept.computeIfAbsent("key", k -> created(node.post("/v1/orgs/owner/keys", keys.get("owner admin"),
                    "{\"role\":\"partner\",\"label\":\"to revoke\"}")));
        }

        String agreement() {
            return kept.computeIfAbsent("agreement", k -> propose("m" + made.incrementAndGet(), "owner editor"));
        }

        /** A co-production of the owner and the party, under the agreement in force between them. */
        String coproduction() {
            return kept.computeIfAbsent("coproduction", k -> created(node.post("/v1/coproductions", keys.get("owner editor"),
                    plan("cp" + made.incrementAndGet()))));
        }

        /** A draft of an item the owner and the party co-produce, awaiting both. */
        String coItem() {
            return kept.computeIfAbsent("coItem", k -> created(node.post("/v1/items", keys.get("party editor"), "{\"ninjs\": "
                    + ninjs("it", "Joint story " + made.incrementAndGet()) + ", \"products\": [\"owner-news\"], \"coproduction\": \"joint\"}")));
        }

        /** An English story of the owner: Apertium here translates English into Spanish. */
        String englishItem() {
            return kept.computeIfAbsent("englishItem", k -> created(node.post("/v1/items", keys.get("owner editor"),
                    publishBody(ninjs("en", "English story " + made.incrementAndGet()), "owner-news"))));
        }

        /** A translation task on the owner's item, assigned to the owner. */
        String task() {
            String item = item(); // made first: one computeIfAbsent may not run inside another
            return kept.computeIfAbsent("task", k -> created(node.post("/v1/translation-tasks", keys.get("owner editor"),
                    "{\"item\": \"" + item + "\", \"language\": \"en\", \"assignee\": \"owner\"}")));
        }

        /** A campaign of the owner's item on the party's outlet, under the agreement in force between them. */
        String campaign() {
            if (!kept.containsKey("campaign")) {
                String id = "c" + made.incrementAndGet();
                created(node.post("/v1/campaigns", keys.get("owner editor"), "{\"id\":\"" + id + "\"," + campaignTerms(campaignItem(), "Campaign").substring(1)));
                kept.put("campaign", id);
            }
            return kept.get("campaign");
        }

        /** An item of the owner that discloses its sponsor, as an item presenting an offer must. */
        String campaignItem() {
            return kept.computeIfAbsent("campaignItem", k -> {
                ObjectNode ninjs = ninjs("it", "Sponsored " + made.incrementAndGet());
                ninjs.putArray("infoSources").addObject().put("name", "Owner").put("role", "sponsor");
                ninjs.put("usageTerms", "Promotion paid for by Owner.").put("expires", "2040-01-01T00:00:00Z");
                return created(node.post("/v1/items", keys.get("owner editor"), publishBody(ninjs, "owner-news")));
            });
        }

        /** A tracked link of an offer of the campaign. */
        String link() {
            if (!kept.containsKey("link")) {
                String campaign = campaign();
                TestNode.Answer offer = node.post("/v1/campaigns/" + campaign + "/offers", keys.get("owner editor"), """
                        {"id": "o", "item": "%s", "title": "Package", "price": "100.00", "currency": "EUR",
                         "bookingUrl": "https://booking.example/package"}""".formatted(campaignItem()));
                ok(offer);
                kept.put("link", offer.json().get("links").get(0).get("code").asString());
            }
            return kept.get("link");
        }

        /** A live event of a campaign of the owner's item on the party's live channel. */
        String liveEvent() {
            if (!kept.containsKey("liveEvent")) {
                String item = campaignItem();
                String campaign = "lc" + made.incrementAndGet();
                created(node.post("/v1/campaigns", keys.get("owner editor"), """
                        {"id": "%s", "title": "Live", "agreement": "owner-party", "items": ["%s"],
                         "channels": [{"id": "live", "partner": "party", "outlet": "%s", "kind": "live"}]}""".formatted(campaign, item, partyOutlet)));
                TestNode.Answer event = node.post("/v1/live-events", keys.get("owner editor"), """
                        {"id": "e%d", "campaign": "%s", "title": "Live", "startDate": "2026-05-21T12:00:00Z",
                         "endDate": "2026-05-21T14:00:00Z", "channel": "live"}""".formatted(made.incrementAndGet(), campaign));
                kept.put("liveEvent", created(event));
                String url = event.json().get("heartbeatUrl").asString();
                kept.put("heartbeatCode", url.substring(url.lastIndexOf('/') + 1));
            }
            return kept.get("liveEvent");
        }

        String heartbeatCode() {
            liveEvent();
            return kept.get("heartbeatCode");
        }

        String item() {
            return kept.computeIfAbsent("item", k -> publish("owner editor", "owner-news", "Owner's story " + made.incrementAndGet()));
        }

        String endpoint() {
            return kept.computeIfAbsent("endpoint", k -> created(node.post("/v1/endpoints", keys.get("owner partner"),
                    "{\"url\":\"" + receiver.url("/owner") + "\",\"format\":\"ninjs\"}")));
        }

        /**
         * A source whose feed never answers while the test runs, returned once its poller is waiting for it: a poller
         * stopped inside a database call could close the embedded database (issue 12), which is not what this test is for.
         */
        String source() {
            return kept.computeIfAbsent("source", k -> {
                String feed = "/feed-" + made.incrementAndGet();
                receiver.stall(feed);
                String id = created(node.post("/v1/ingest/sources", keys.get("owner editor"), "{\"url\":\"" + receiver.url(feed)
                        + "\",\"format\":\"atom\",\"intervalSeconds\":3600,\"products\":[\"owner-news\"]}"));
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.arrived(feed) == 1);
                return id;
            });
        }

        /** An import of one line the owner's editor ran (a backfill's id names it within its org). */
        String backfill() {
            return kept.computeIfAbsent("backfill", k -> {
                String id = "i" + made.incrementAndGet();
                TestNode.Answer a = node.put("/v1/ingest/imports/" + id + "?products=owner-news", keys.get("owner editor"),
                        BackfillTest.item("matrix" + made.incrementAndGet(), 1) + "\n");
                assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
                return id;
            });
        }

        /** A photo the owner's editor uploaded (made by ffmpeg, a few kilobytes). */
        String media() {
            return kept.computeIfAbsent("media", k -> {
                java.nio.file.Path photo = Clips.make(dataDir.resolve("matrix-" + made.incrementAndGet() + ".jpg"), "-f", "lavfi", "-i",
                        "testsrc=size=64x48:duration=1", "-frames:v", "1");
                return created(node.send("POST", "/v1/media", keys.get("owner editor"), "image/jpeg", Clips.read(photo)));
            });
        }

        /** A second of tone the owner's editor uploaded: subtitles belong to sound and moving pictures. */
        String audio() {
            return kept.computeIfAbsent("audio", k -> {
                java.nio.file.Path tone = Clips.make(dataDir.resolve("matrix-" + made.incrementAndGet() + ".mp3"), "-f", "lavfi", "-i",
                        "sine=duration=1", "-c:a", "libmp3lame");
                return created(node.send("POST", "/v1/media", keys.get("owner editor"), "audio/mpeg", Clips.read(tone)));
            });
        }

        /** A resumable upload of the owner's editor, 20 bytes long, nothing sent yet. */
        String upload() {
            return kept.computeIfAbsent("upload", k -> {
                TestNode.Answer a = node.send("POST", "/v1/uploads", keys.get("owner editor"), null, new byte[0], "Tus-Resumable", "1.0.0",
                        "Upload-Length", "20", "Upload-Metadata", "filetype aW1hZ2UvanBlZw==");
                return created(a);
            });
        }

        /** A photo, ready, carried by an item of the owner's news (which the party may read). */
        String carriedMedia() {
            return kept.computeIfAbsent("carried", k -> {
                String id = media();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        node.get("/v1/media/" + id, keys.get("owner editor")).json().get("state").asString().equals("ready"));
                String body = publishBody(ninjs("it", "Owner's photo " + made.incrementAndGet()), "owner-news");
                created(node.post("/v1/items", keys.get("owner editor"), body.substring(0, body.length() - 1) + ",\"media\":[\"" + id + "\"]}"));
                return id;
            });
        }

        String[] deadLetter() {
            if (!fresh) {
                return deadLetters.peek();
            }
            String[] letter = deadLetters.poll();
            assertThat(letter).as("an endpoint holding a dead letter, made in the set-up").isNotNull();
            return letter;
        }
    }

    // --- set-up over the API ---

    /** Terms between the owner and the party, each licensing the other its news. */
    private static String terms(String title) {
        return """
                {"title": "%s", "parties": ["owner", "party"], "grants": [
                  {"licensor": "owner", "licensee": "party", "products": ["owner-news"]},
                  {"licensor": "party", "licensee": "owner", "products": ["party-news"]}]}""".formatted(title);
    }

    /** A co-production plan of the owner (lead) and the party under the agreement in force between them. */
    private static String plan(String id) {
        return """
                {"id": "%s", "title": "Project %s", "agreement": "owner-party", "framework": "coe-2017-bilateral",
                 "parties": [{"org": "owner", "function": "lead", "share": 60}, {"org": "party", "function": "co-producer", "share": 40}]}"""
                .formatted(id, id);
    }

    private static String campaignTerms(String item, String title) {
        return """
                {"title": "%s", "agreement": "owner-party", "items": ["%s"],
                 "channels": [{"id": "page", "partner": "party", "outlet": "%s", "kind": "page"}]}""".formatted(title, item, partyOutlet);
    }

    private static String propose(String id, String caller) {
        String body = terms("Terms " + id);
        return created(node.post("/v1/agreements", keys.get(caller), "{\"id\":\"" + id + "\"," + body.strip().substring(1)));
    }

    private static String publish(String caller, String product, String headline) {
        return created(node.post("/v1/items", keys.get(caller), publishBody(ninjs("it", headline), product)));
    }

    /**
     * Endpoints of the owner whose receiver always fails, each left with a dead letter: the party's item, routed to
     * the owner under the party's licence, tried on the short schedule and given up.
     */
    private static void holdDeadLetters(int count) {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            endpoints.add(created(node.post("/v1/endpoints", keys.get("owner partner"),
                    "{\"url\":\"" + receiver.url("/failing") + "\",\"format\":\"ninjs\"}")));
        }
        publish("party editor", "party-news", "The party's story");
        for (String endpoint : endpoints) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    node.get("/v1/endpoints/" + endpoint + "/dead-letters", keys.get("owner partner")).json().get("items").size() == 1);
            String entry = node.get("/v1/endpoints/" + endpoint + "/dead-letters", keys.get("owner partner")).json()
                    .get("items").get(0).get("entry").asString();
            deadLetters.add(new String[] {endpoint, entry});
        }
    }

    private static String created(TestNode.Answer a) {
        ok(a);
        return a.json().get("id").asString();
    }

    private static void ok(TestNode.Answer a) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException("set-up: " + a.status() + " " + a.raw().body());
        }
    }
}
