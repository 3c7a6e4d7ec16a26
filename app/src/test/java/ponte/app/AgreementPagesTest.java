package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreements over HTTP: approvals per party, versions side by side, warnings before one ends, and who may act. */
class AgreementPagesTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static WebClient as(String username) {
        WebClient web = new WebClient(node.base);
        assertThat(web.signIn(username, "demo-" + username).status()).isEqualTo(303);
        return web;
    }

    @Test
    void theListShowsEachAgreementsStateAndWhoseApprovalIsAwaited() {
        String list = as("cj-enm-admin").get("/app/agreements").body();

        assertThat(list).contains("cinecitta-cj-enm-coproduction", "awaiting approval");
        String one = as("cj-enm-admin").get("/app/agreements/cinecitta-cj-enm-coproduction").body();
        assertThat(one).contains("cinecitta: <strong>approved</strong>", "cj-enm: <strong>awaited</strong>", "Approve version 1");
    }

    @Test
    void anOutsiderDoesNotSeeTheAgreementAndAnEditorCannotApprove() {
        assertThat(as("cgtn-admin").get("/app/agreements/cinecitta-cj-enm-coproduction").status()).isEqualTo(404);
        WebClient editor = as("toscana-promozione-editor");
        String page = editor.get("/app/agreements/toscana-trip-com-promotion").body();
        assertThat(page).doesNotContain("/approve\"");
        assertThat(editor.post("/app/agreements/toscana-trip-com-promotion/approve", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void anAmendmentIsANewVersionShownBesideTheOldOneWithTheDifferencesMarked() {
        WebClient editor = as("italpress-editor");
        editor.get("/app/agreements/new");
        Map<String, String> form = terms("italpress-kbs-trial", "Italpress – Arirang trial", "arirang", LocalDate.of(2027, 6, 30), "italpress-news");
        assertThat(editor.post("/app/agreements/new", form).status()).isEqualTo(303);
        editor.get("/app/agreements/italpress-kbs-trial/amend");
        Map<String, String> amended = terms("", "Italpress – Arirang trial", "arirang", LocalDate.of(2027, 6, 30), "italpress-news italpress-video");

        assertThat(editor.post("/app/agreements/italpress-kbs-trial/amend", amended).status()).isEqualTo(303);

        String page = editor.get("/app/agreements/italpress-kbs-trial").body();
        assertThat(page).contains("Version 1 and version 2 side by side", "<del>italpress → arirang: italpress-news;", "<ins>italpress → arirang: italpress-news italpress-video;");
    }

    @Test
    void anAgreementEndingWithinAWeekIsWarnedOnTheDeskAndItsPage() {
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        WebClient editor = as("italpress-editor");
        editor.get("/app/agreements/new");
        editor.post("/app/agreements/new", terms("italpress-short", "Italpress – Condor short deal", "condor-noticias", soon, "italpress-news"));
        for (String admin : List.of("italpress-admin", "condor-noticias-admin")) {
            WebClient a = as(admin);
            a.get("/app/agreements/italpress-short");
            assertThat(a.post("/app/agreements/italpress-short/approve", Map.of("version", "1")).status()).isEqualTo(303);
        }

        assertThat(as("italpress-editor").get("/app/desk").body()).contains("id=\"expiring\"", "Italpress – Condor short deal", "ends within 7 days");
        assertThat(as("condor-noticias-admin").get("/app/agreements/italpress-short").body()).contains("in force", "ends within 7 days");
    }

    @Test
    void anAdminSuspendsAndResumes() {
        WebClient admin = as("toscana-promozione-admin");
        admin.get("/app/agreements/toscana-trip-com-promotion");

        admin.post("/app/agreements/toscana-trip-com-promotion/suspend", Map.of());
        assertThat(admin.get("/app/agreements/toscana-trip-com-promotion").body()).contains("id=\"agreement-state\">suspended");
        admin.post("/app/agreements/toscana-trip-com-promotion/resume", Map.of());
        assertThat(admin.get("/app/agreements/toscana-trip-com-promotion").body()).contains("id=\"agreement-state\">in force");
    }

    static Map<String, String> terms(String id, String title, String other, LocalDate to, String products) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!id.isEmpty()) {
            form.put("id", id);
        }
        form.put("title", title);
        form.put("parties", "italpress");
        form.put("validFrom", "2026-01-01");
        form.put("validTo", to.toString());
        form.put("licensor", "italpress");
        form.put("licensee", other);
        form.put("products", products);
        form.put("include", "");
        form.put("exclude", "");
        form.put("languages", "");
        form.put("embargoMinutes", "0");
        return withOther(form, other);
    }

    /** The form sends "parties" twice (the org itself, hidden, and the other party chosen): a map holds one, so the body is built by hand. */
    static Map<String, String> withOther(Map<String, String> form, String other) {
        form.put("parties", "italpress" + WebClient.REPEAT + other);
        return form;
    }
}
