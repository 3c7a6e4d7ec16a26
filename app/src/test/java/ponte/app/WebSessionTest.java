package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.accounts.User;
import ponte.core.fixtures.MovableClock;
import ponte.core.orgs.OrgId;

/** People sign in to the web UI: sessions in cookies, CSRF on every change, throttling, and the headers every page carries. */
class WebSessionTest {
    @TempDir
    static Path dir;
    static final MovableClock clock = new MovableClock(Instant.now());
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, clock);
        node.handle().loadDemoNetwork();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    WebClient browser() {
        return new WebClient(node.base);
    }

    @Test
    void pagesGoCompressedToABrowserThatAsksAndTheApiAsItIs() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> zipped = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base + "/app/sign-in"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        String plain = browser().get("/app/sign-in").body();

        assertThat(zipped.headers().firstValue("content-encoding")).contains("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            String unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // the same page but for its CSRF token, which each visit gets anew
            assertThat(unzipped.replaceAll("[A-Za-z0-9_-]{40,}", "")).isEqualTo(plain.replaceAll("[A-Za-z0-9_-]{40,}", ""));
        }
        assertThat(zipped.body().length).isLessThan(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

        java.net.http.HttpResponse<byte[]> feed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base + "/v1/feed"))
                .header("Accept-Encoding", "gzip").header("Authorization", "Bearer demo-cgtn-partner").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void anUnauthenticatedVisitToTheRootLeadsToSignIn() {
        WebClient.Page root = browser().get("/");

        assertThat(root.status()).isEqualTo(303);
        assertThat(root.header("location")).isEqualTo("/app/sign-in");
        WebClient.Page desk = browser().get("/app/");
        assertThat(desk.status()).isEqualTo(303);
        assertThat(desk.header("location")).isEqualTo("/app/sign-in");
    }

    @Test
    void theSignInFormNamesItsInputsUsernameAndPassword() {
        WebClient.Page form = browser().get("/app/sign-in");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"", "type=\"password\"", "<label for=\"username\"");
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndTheOtherSecurityHeaders() {
        for (String path : new String[] {"/app/sign-in", "/", "/app/nowhere", "/assets/ponte.css"}) {
            WebClient.Page page = browser().get(path);
            String csp = page.header("content-security-policy");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("x-content-type-options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("referrer-policy")).as(path).isEqualTo("same-origin");
        }
        assertThat(browser().get("/app/sign-in").body()).doesNotContain("<script>", "style=\"", " onclick=");
    }

    @Test
    void aDemoUserSignsInWithTheDemoKeyAndGetsAnHttpOnlySameSiteCookie() {
        WebClient web = browser();

        WebClient.Page signedIn = web.signIn("italpress-editor", "demo-italpress-editor");

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("location")).isEqualTo("/app/");
        String cookie = signedIn.setCookie("ponte_session");
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        WebClient.Page home = web.get("/app/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("italpress-editor", "italpress");
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() {
        WebClient web = browser();
        web.get("/app/sign-in", "X-Forwarded-Proto", "https");

        WebClient.Page signedIn = web.post("/app/sign-in", Map.of("username", "cgtn-partner", "password", "demo-cgtn-partner"),
                "X-Forwarded-Proto", "https");

        assertThat(signedIn.setCookie("ponte_session")).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aWrongPasswordOpensNoSession() {
        WebClient web = browser();

        WebClient.Page refused = web.signIn("italpress-editor", "demo-cgtn-editor");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.setCookie("ponte_session")).isEmpty();
        assertThat(refused.body()).contains("role=\"alert\"");
        assertThat(web.get("/app/").status()).isEqualTo(303);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebClient web = browser();
        web.get("/app/sign-in");

        WebClient.Page noToken = web.postExactly("/app/sign-in", Map.of("username", "italpress-editor", "password", "demo-italpress-editor"));
        WebClient.Page wrongToken = web.postExactly("/app/sign-in",
                Map.of("username", "italpress-editor", "password", "demo-italpress-editor", "_csrf", "x".repeat(43)));

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(web.cookie("ponte_session")).isEmpty();
    }

    @Test
    void signingOutWithoutTheSessionsTokenDoesNotEndIt() {
        WebClient web = browser();
        web.signIn("italpress-admin", "demo-italpress-admin");

        WebClient.Page forged = web.postExactly("/app/sign-out", Map.of());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(web.get("/app/").status()).isEqualTo(200);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedEvenWithAToken() {
        WebClient web = browser();
        web.get("/app/sign-in");

        WebClient.Page crossSite = web.post("/app/sign-in", Map.of("username", "italpress-editor", "password", "demo-italpress-editor"),
                "Origin", "https://evil.example");

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(web.cookie("ponte_session")).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        WebClient web = browser();
        web.signIn("cctv-plus-partner", "demo-cctv-plus-partner");
        String token = web.cookie("ponte_session");
        web.get("/app/");

        WebClient.Page out = web.post("/app/sign-out", Map.of());

        assertThat(out.status()).isEqualTo(303);
        WebClient replay = browser();
        replay.cookie("ponte_session", token);
        assertThat(replay.get("/app/").status()).isEqualTo(303); // the old cookie opens nothing any more
    }

    @Test
    void anAdminEndsAUsersSessionsEverywhere() {
        WebClient web = browser();
        web.signIn("cinecitta-editor", "demo-cinecitta-editor");
        assertThat(web.get("/app/").status()).isEqualTo(200);
        Caller admin = new Caller.Member(new OrgId("cinecitta"), Role.ADMIN);
        User editor = node.handle().accounts().of(admin, new OrgId("cinecitta")).stream()
                .filter(u -> u.username().equals("cinecitta-editor")).findFirst().orElseThrow();
        WebClient adminPages = browser();
        adminPages.signIn("cinecitta-admin", "demo-cinecitta-admin");
        adminPages.get("/app/admin/users");

        WebClient.Page ended = adminPages.post("/app/admin/users/" + editor.id().value() + "/end-sessions", Map.of());

        assertThat(ended.status()).isEqualTo(303);
        assertThat(web.get("/app/").status()).isEqualTo(303);
    }

    @Test
    void aSessionExpiresByItself() {
        WebClient web = browser();
        web.signIn("jiangsu-editor", "demo-jiangsu-editor");
        assertThat(web.get("/app/").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(12).plusSeconds(1));

        assertThat(web.get("/app/").status()).isEqualTo(303);
    }

    @Test
    void signInIsThrottledPerAccountSoGuessingStops() {
        WebClient web = browser();
        for (int i = 0; i < 10; i++) {
            web.signIn("arirang-editor", "wrong-guess-" + i);
        }

        WebClient.Page throttled = web.signIn("arirang-editor", "demo-arirang-editor");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(web.cookie("ponte_session")).isEmpty();
        assertThat(browser().signIn("arirang-partner", "demo-arirang-partner").status()).isEqualTo(303); // another account is not held up
    }

    @Test
    void theUiAnswersInTheBrowsersLanguageAndInTheOneChosen() {
        assertThat(browser().get("/app/sign-in", "Accept-Language", "it-IT,it;q=0.9").body()).contains("lang=\"it\"", "Accedi");
        assertThat(browser().get("/app/sign-in", "Accept-Language", "zh-CN").body()).contains("lang=\"zh-Hans\"", "登录");
        assertThat(browser().get("/app/sign-in", "Accept-Language", "ko-KR").body()).contains("lang=\"ko\"", "로그인");
        WebClient web = browser();
        web.get("/app/sign-in");
        web.post("/app/language", Map.of("language", "ko", "back", "/app/sign-in"));
        assertThat(web.get("/app/sign-in").body()).contains("lang=\"ko\"");
    }

    @Test
    void theLanguageMenuReturnsToThePageWithItsQueryButNeverToAnotherSite() {
        WebClient web = browser();
        assertThat(web.get("/app/sign-in?next=%2Fapp%2Freach").body()).contains("name=\"back\" value=\"/app/sign-in?next=%2Fapp%2Freach\"");

        assertThat(web.post("/app/language", Map.of("language", "it", "back", "/app/reach?product=cctv-plus-video&from=2026-01-01")).header("location"))
                .isEqualTo("/app/reach?product=cctv-plus-video&from=2026-01-01");
        assertThat(web.post("/app/language", Map.of("language", "it", "back", "https://elsewhere.example/app/")).header("location")).isEqualTo("/app/");
        assertThat(web.post("/app/language", Map.of("language", "it", "back", "/app/x?a=1\r\nSet-Cookie:x")).header("location")).isEqualTo("/app/");
    }

    @Test
    void theApiIsUntouchedBesideThePages() {
        assertThat(node.get("/v1/feed", "demo-cgtn-partner").status()).isEqualTo(200);
        assertThat(node.get("/v1/feed", null).status()).isEqualTo(401);
        assertThat(Optional.ofNullable(node.get("/app/sign-in", null).raw().body())).hasValueSatisfying(b -> assertThat(b).contains("<form"));
    }
}
