package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aLicence;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.formats.Documents.aDocument;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Territories;
import ponte.formats.NinjsWriter.Terms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NinjsWriterTest {
    private static final NinjsWriter WRITER = new NinjsWriter();
    private static final NinjsReader READER = new NinjsReader(new NinjsSchema());

    private final Item item = anItem().withId("7kq2m9x4p1d8c3v6").ownedBy("italpress").firstCreated(Instant.parse("2026-05-01T06:00:00Z")).build();
    private final Licence licence = aLicence().withId("lic-7").from("italpress").to("cgtn").forProducts("it-news")
            .in(Territories.of(Set.of("*"), Set.of("JP"))).validUntil("2027-01-01T00:00:00Z").build();
    private final Terms partner = Terms.partnerView(List.of("Italpress"), licence, "Italpress", "CGTN");
    private final Terms owner = Terms.ownerView(List.of("Italpress"));

    static Stream<Path> officialShouldPass() {
        return Standards.shouldPass();
    }

    @Test
    void renderedPartnerViewValidatesAgainstOfficialSchema() {
        Licence narrow = aLicence().in(Territories.of(Set.of("CN", "IT", "KR"), Set.of("KR"))).inLanguages("zh", "it")
                .valid(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.of(Instant.parse("2027-01-01T00:00:00Z"))).build();
        Version version = aVersion().of(item).withNinjs(aDocument().inLanguage("zh").with("usageTerms", "Editorial use only.").json())
                .withRights(Territories.of(Set.of("CN", "IT"), Set.of())).build();

        ObjectNode rendered = WRITER.render(item, version, Terms.partnerView(List.of("Italpress"), narrow, "Italpress", "CGTN"));

        assertThat(OfficialSchema.errorsIn(rendered)).isEmpty();
    }

    @Test
    void renderedOwnerViewValidatesAgainstOfficialSchema() {
        ObjectNode rendered = WRITER.render(item, aVersion().of(item).withNinjs(aDocument().withoutUri().withLinkedRights("https://italpress.com/rights").json()).build(), owner);

        assertThat(OfficialSchema.errorsIn(rendered)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void everyOfficialExampleRendersAsValidNinjsForPartnersAndWhenKilled(Path file) {
        Version filed = aVersion().of(item).withNinjs(READER.read(Standards.read(file)).ninjs()).build();
        Version killed = aVersion().of(item).number(2).withNinjs(filed.content().ninjs()).killedBecause("Legal").build();

        assertThat(OfficialSchema.errorsIn(WRITER.render(item, filed, partner))).isEmpty();
        assertThat(OfficialSchema.errorsIn(WRITER.render(item, filed, owner))).isEmpty();
        assertThat(OfficialSchema.errorsIn(WRITER.render(item, killed, partner))).isEmpty();
    }

    @Test
    void killIsRenderedAsCanceledWithReason() {
        Version kill = aVersion().of(item).number(3).withNinjs(aDocument().with("pubStatus", "usable").with("edNote", "Embargoed for Asia.").json())
                .killedBecause("Legal: the court ordered removal").build();

        ObjectNode rendered = WRITER.render(item, kill, partner);

        assertThat(rendered.path("pubStatus").asString()).isEqualTo("canceled");
        assertThat(rendered.path("edNote").asString()).isEqualTo("Killed: Legal: the court ordered removal\nEmbargoed for Asia.");
    }

    @Test
    void ponteIdentityVersionAndDatesReplaceWhatTheDocumentSays() {
        Version version = aVersion().of(item).number(3).created(Instant.parse("2026-05-02T10:15:30.250Z"))
                .withNinjs(aDocument().with("version", "1").with("versionCreated", "2020-01-01T00:00:00Z").json()).build();

        ObjectNode rendered = WRITER.render(item, version, partner);

        assertThat(rendered.propertyNames().iterator().next()).isEqualTo("uri");
        assertThat(rendered.path("uri").asString()).isEqualTo("urn:ponte:item:7kq2m9x4p1d8c3v6");
        assertThat(rendered.path("version").asString()).isEqualTo("3");
        assertThat(rendered.path("firstCreated").asString()).isEqualTo("2026-05-01T06:00:00Z");
        assertThat(rendered.path("versionCreated").asString()).isEqualTo("2026-05-02T10:15:30.250Z");
    }

    @Test
    void pubStatusIsTheEditorsOrUsable() {
        ObjectNode withheld = WRITER.render(item, aVersion().withNinjs(aDocument().with("pubStatus", "withheld").json()).build(), partner);
        ObjectNode unsaid = WRITER.render(item, aVersion().withNinjs(aDocument().without("pubStatus").json()).build(), partner);

        assertThat(withheld.path("pubStatus").asString()).isEqualTo("withheld");
        assertThat(unsaid.path("pubStatus").asString()).isEqualTo("usable");
    }

    @Test
    void copyrightHolderNamesTheOwnersUnlessTheEditorDid() {
        Terms coProduction = Terms.partnerView(List.of("Italpress", "CGTN"), licence, "Italpress", "Yonhap");

        ObjectNode unsaid = WRITER.render(item, aVersion().build(), coProduction);
        ObjectNode said = WRITER.render(item, aVersion().withNinjs(aDocument().with("copyrightHolder", "Italpress S.r.l.").json()).build(), coProduction);

        assertThat(unsaid.path("copyrightHolder").asString()).isEqualTo("Italpress / CGTN");
        assertThat(said.path("copyrightHolder").asString()).isEqualTo("Italpress S.r.l.");
    }

    @Test
    void editorsAltIdsAreKeptAndPonteIdIsAppended() {
        Version version = aVersion().withNinjs(aDocument().withAltId("italpress-slug", "ponte-stretto").withAltId("ponte-id", "someoneelse0000").json()).build();

        ObjectNode rendered = WRITER.render(item, version, partner);

        assertThat(rendered.path("altIds").valueStream().map(altId -> altId.path("role").asString() + "=" + altId.path("value").asString()))
                .containsExactly("italpress-slug=ponte-stretto", "ponte-id=7kq2m9x4p1d8c3v6");
    }

    @Test
    void partnerViewCarriesTheLicenceAsAnOdrlAgreement() {
        ObjectNode rendered = WRITER.render(item, aVersion().of(item).withNinjs(aDocument().withLinkedRights("https://italpress.com/rights").json()).build(), partner);

        JsonNode rightsInfo = rendered.path("rightsInfo");
        assertThat(rightsInfo.propertyNames()).containsExactly("langId", "encodedRights");
        assertThat(rightsInfo.path("langId").asString()).isEqualTo("http://www.w3.org/ns/odrl/2/");
        JsonNode policy = json(rightsInfo.path("encodedRights").asString());
        assertThat(policy.path("@type").asString()).isEqualTo("Agreement");
        assertThat(policy.path("uid").asString()).isEqualTo("urn:ponte:licence:lic-7");
        assertThat(policy.path("target").asString()).isEqualTo("urn:ponte:item:7kq2m9x4p1d8c3v6");
        assertThat(policy.at("/assigner/uid").asString()).isEqualTo("urn:ponte:org:italpress");
        assertThat(policy.at("/assigner/vcard:fn").asString()).isEqualTo("Italpress");
        assertThat(policy.at("/assignee/vcard:fn").asString()).isEqualTo("CGTN");
        assertThat(policy.path("permission").valueStream().map(p -> p.path("action").asString())).containsExactly("distribute", "display");
        assertThat(constraints(policy)).containsExactly(
                "spatial eq {\"@id\":\"http://sws.geonames.org/6295630/\"}",
                "spatial isNoneOf [\"JP\"]",
                "dateTime lt {\"@value\":\"2027-01-01T00:00:00Z\",\"@type\":\"xsd:dateTime\"}");
    }

    @Test
    void itemRightsNarrowTheLicensedTerritoriesAndLanguagesAreListed() {
        Licence licensed = aLicence().in(Territories.of(Set.of("CN", "IT", "FR"), Set.of())).inLanguages("it", "zh").build();
        Version version = aVersion().withRights(Territories.of(Set.of("CN", "IT", "KR"), Set.of("IT"))).build();

        ObjectNode rendered = WRITER.render(item, version, Terms.partnerView(List.of("Italpress"), licensed, "Italpress", "CGTN"));

        assertThat(constraints(json(rendered.at("/rightsInfo/encodedRights").asString()))).containsExactly(
                "spatial isAnyOf [\"CN\",\"IT\"]",
                "spatial isNoneOf [\"IT\"]",
                "language isAnyOf [\"it\",\"zh\"]");
    }

    @Test
    void usageTermsStateTheLicenceInPlainEnglishAfterTheEditors() {
        ObjectNode unsaid = WRITER.render(item, aVersion().build(), partner);
        ObjectNode said = WRITER.render(item, aVersion().withNinjs(aDocument().with("usageTerms", "Editorial use only.").json()).build(), partner);

        String sentence = "Licensed by Italpress to CGTN: products it-news; territories worldwide excluding JP; languages any; "
                + "valid until 2027-01-01T00:00:00Z; embargo delay PT0S.";
        assertThat(unsaid.path("usageTerms").asString()).isEqualTo(sentence);
        assertThat(said.path("usageTerms").asString()).isEqualTo("Editorial use only. " + sentence);
    }

    @Test
    void itemRightsNarrowerThanWorldwideAreStatedInUsageTerms() {
        Licence licensed = aLicence().forProducts("it-news", "it-sport").inLanguages("zh").withEmbargoDelay(Duration.ofHours(2))
                .valid(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.empty()).build();
        Version version = aVersion().withRights(Territories.of(Set.of("IT", "CN"), Set.of())).build();

        ObjectNode rendered = WRITER.render(item, version, Terms.partnerView(List.of("Italpress"), licensed, "Italpress", "CGTN"));

        assertThat(rendered.path("usageTerms").asString()).isEqualTo("Licensed by Italpress to CGTN: products it-news, it-sport; "
                + "territories worldwide; languages zh; valid from 2026-01-01T00:00:00Z; embargo delay PT2H. "
                + "This item's own rights allow territories CN, IT only.");
    }

    @Test
    void ownerViewKeepsTheEditorsRightsInfoAndUsageTerms() {
        Version version = aVersion().withNinjs(aDocument().withLinkedRights("https://italpress.com/rights").with("usageTerms", "Editorial use only.").json()).build();

        ObjectNode rendered = WRITER.render(item, version, owner);

        assertThat(rendered.at("/rightsInfo/linkedRights").asString()).isEqualTo("https://italpress.com/rights");
        assertThat(rendered.path("usageTerms").asString()).isEqualTo("Editorial use only.");
    }

    @Test
    void bytesAndJsonAreTheSameCompactDocument() {
        ObjectNode rendered = WRITER.render(item, aVersion().build(), partner);

        assertThat(new String(WRITER.bytes(rendered), StandardCharsets.UTF_8)).isEqualTo(WRITER.json(rendered)).doesNotContain("\n  ");
    }

    private static List<String> constraints(JsonNode policy) {
        return policy.at("/permission/0/constraint").valueStream()
                .map(c -> c.path("leftOperand").asString() + " " + c.path("operator").asString() + " " + WRITER.json(c.path("rightOperand")))
                .toList();
    }

    private static JsonNode json(String text) {
        return NinjsWriter.mapper().readTree(text);
    }
}
