package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The partner portal over HTTP: a partner sees, searches and downloads what its licences give it, and nothing else. */
class PortalTest {
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

    static WebClient partner(String org) {
        WebClient web = new WebClient(node.base);
        assertThat(web.signIn(org + "-partner", "demo-" + org + "-partner").status()).isEqualTo(303);
        return web;
    }

    @Test
    void aLicensedPartnerSeesANewItemInItsFeedAndReadsItWithItsUsageTerms() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Portale: notizia per CCTV+"), "italpress-news");
        WebClient cctv = partner("cctv-plus");

        assertThat(cctv.get("/app/portal").body()).contains("Portale: notizia per CCTV+");
        String item = cctv.get("/app/portal/items/" + receipt.get("id").asString()).body();
        assertThat(item).contains("Portale: notizia per CCTV+", "lang=\"it\"", "download?format=newsml");
    }

    @Test
    void anUnlicensedPartnerNeitherSeesNorOpensTheItem() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Solo per i licenziatari"), "italpress-news");
        WebClient kaze = partner("kaze-broadcasting");

        assertThat(kaze.get("/app/portal").body()).doesNotContain("Solo per i licenziatari");
        WebClient.Page refused = kaze.get("/app/portal/items/" + receipt.get("id").asString());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Solo per i licenziatari");
        assertThat(kaze.get("/app/portal/items/" + receipt.get("id").asString() + "/download?format=ninjs").status()).isEqualTo(404);
    }

    @Test
    void anItemDownloadsAsNinjsNewsMlAndAtom() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Da scaricare"), "italpress-news");
        WebClient cctv = partner("cctv-plus");
        String base = "/app/portal/items/" + receipt.get("id").asString() + "/download?format=";

        WebClient.Page ninjs = cctv.get(base + "ninjs");
        WebClient.Page newsMl = cctv.get(base + "newsml");
        WebClient.Page atom = cctv.get(base + "atom");

        assertThat(ninjs.header("content-type")).startsWith("application/json");
        assertThat(ninjs.header("content-disposition")).startsWith("attachment");
        assertThat(ninjs.body()).contains("\"Da scaricare\"", "rightsInfo");
        assertThat(newsMl.header("content-type")).contains("newsitem+xml");
        assertThat(newsMl.body()).contains("Da scaricare", "newsItem");
        assertThat(atom.header("content-type")).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("Da scaricare");
    }

    @Test
    void searchFindsTheEntitledItemByItsWords() {
        node.publish("demo-italpress-editor", TestNode.ninjs("it", "Ricerca dei tartufi bianchi ad Alba"), "italpress-news");
        node.handle().catchUpSearch();
        WebClient cctv = partner("cctv-plus");

        String found = cctv.get("/app/portal?q=tartufi").body();

        assertThat(found).contains("Ricerca dei tartufi bianchi ad Alba", "id=\"histogram\"", "Found per day");
        assertThat(partner("kaze-broadcasting").get("/app/portal?q=tartufi").body()).doesNotContain("tartufi bianchi");
    }

    @Test
    void aKilledItemIsMarkedKilledInThePortal() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Da ritirare"), "italpress-news");
        String id = receipt.get("id").asString();
        WebClient cctv = partner("cctv-plus");
        assertThat(cctv.get("/app/portal/items/" + id).status()).isEqualTo(200);

        node.delete("/v1/items/" + id, "demo-italpress-editor", "{\"reason\":\"Fonte non confermata\"}");

        assertThat(cctv.get("/app/portal/items/" + id).body()).contains("status-killed", "Fonte non confermata");
        assertThat(cctv.get("/app/portal").body()).contains("status-killed");
    }

    @Test
    void theLicencesPageListsWhatTheOrgHolds() {
        String page = partner("cctv-plus").get("/app/portal/licences").body();

        assertThat(page).contains("italpress-news", "Licensed to you", "/app/agreements/italpress-cctv-plus-reciprocal");
    }
}
