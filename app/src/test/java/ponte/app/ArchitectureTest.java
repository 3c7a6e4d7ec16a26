package ponte.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.Set;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.junit.jupiter.api.Test;
import ponte.core.reading.Finding;
import ponte.core.items.Item;
import ponte.core.reading.LanguageVersions;
import ponte.core.items.Version;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;
import ponte.core.search.SearchIndex;
import ponte.core.search.Searching;
import ponte.core.items.Items;
import ponte.core.licensing.Languages;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.log.ContentLog;
import ponte.core.orgs.CountryCode;

/**
 * The intended layering, written down once: core depends on nothing of ours and on no framework; adapters depend on
 * core and not on each other (api may use formats, which renders for it; delivery and ingest use outbound, the SSRF
 * guard, which knows no adapter); only app, the composition root, knows them all.
 */
class ArchitectureTest {
    private static final JavaClasses PONTE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test fixtures shared between modules come as *-tests.jar, which the predefined option does not recognise.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("ponte");

    @Test
    void core_depends_only_on_the_jdk() {
        classes().that().resideInAPackage("ponte.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ponte.core..", "java..")
                .check(PONTE);
    }

    /**
     * Core's packages form a stack, each using only those below it: organisations at the bottom, then who calls, the
     * audit trail (what callers changed, which every layer above records), products, items (values and their ports),
     * licensing (the gate, which judges items), the log (which records what the gate routed), and the use cases on
     * top. A new package takes its place here or the build fails.
     */
    @Test
    void core_packages_form_a_stack() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("orgs").definedBy("ponte.core.orgs..")
                .layer("access").definedBy("ponte.core.access..")
                .layer("audit").definedBy("ponte.core.audit..")
                .layer("products").definedBy("ponte.core.products..")
                .layer("items").definedBy("ponte.core.items..")
                .layer("media").definedBy("ponte.core.media..")
                .layer("licensing").definedBy("ponte.core.licensing..")
                .layer("log").definedBy("ponte.core.log..")
                .layer("publishing").definedBy("ponte.core.publishing..")
                .layer("reading").definedBy("ponte.core.reading..")
                .layer("use cases").definedBy("ponte.core.onboarding..", "ponte.core.agreements..", "ponte.core.coproduction..", "ponte.core.delivery..",
                        "ponte.core.ingest..", "ponte.core.search..", "ponte.core.accounts..", "ponte.core.reach..")
                .whereLayer("use cases").mayNotBeAccessedByAnyLayer()
                .whereLayer("reading").mayOnlyBeAccessedByLayers("use cases")
                .whereLayer("publishing").mayOnlyBeAccessedByLayers("use cases")
                .whereLayer("log").mayOnlyBeAccessedByLayers("publishing", "reading", "use cases")
                .whereLayer("licensing").mayOnlyBeAccessedByLayers("log", "publishing", "reading", "use cases")
                .whereLayer("media").mayOnlyBeAccessedByLayers("licensing", "log", "publishing", "reading", "use cases")
                .whereLayer("items").mayOnlyBeAccessedByLayers("media", "licensing", "log", "publishing", "reading", "use cases")
                .whereLayer("products").mayOnlyBeAccessedByLayers("items", "media", "licensing", "log", "publishing", "reading", "use cases")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("products", "items", "media", "licensing", "log", "publishing", "reading", "use cases")
                .whereLayer("access").mayOnlyBeAccessedByLayers("audit", "products", "items", "media", "licensing", "log", "publishing", "reading", "use cases")
                .check(PONTE);
        slices().matching("ponte.core.(*)..").should().beFreeOfCycles().check(PONTE);
    }

    /** No module's packages import each other in a circle: each is a stack too, however flat. */
    @Test
    void no_module_has_a_package_cycle() {
        slices().matching("ponte.(*)..").should().beFreeOfCycles().check(PONTE);
        for (String module : new String[] {"storage", "kafka", "formats", "outbound", "delivery", "ingest", "translation", "search", "media", "api", "web", "app", "bench"}) {
            slices().matching("ponte." + module + ".(**)").should().beFreeOfCycles().allowEmptyShould(true).check(PONTE);
        }
    }

    @Test
    void core_does_no_io() {
        noClasses().that().resideInAPackage("ponte.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..", "java.io..")
                .check(PONTE);
    }

    @Test
    void storage_does_not_depend_on_other_adapters() {
        noClasses().that().resideInAPackage("ponte.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.formats..", "ponte.app..")
                .check(PONTE);
    }

    @Test
    void formats_does_not_depend_on_other_adapters() {
        noClasses().that().resideInAPackage("ponte.formats..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.app..")
                .check(PONTE);
    }

    @Test
    void api_does_not_reach_into_storage() {
        noClasses().that().resideInAPackage("ponte.api..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.storage..", "ponte.app..")
                .check(PONTE);
    }

    /** The web UI is an adapter beside the API, not on top of it: pages call core's use cases themselves. */
    @Test
    void web_depends_on_no_other_adapter_but_formats() {
        noClasses().that().resideInAPackage("ponte.web..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.app..", "ponte.delivery..",
                        "ponte.ingest..", "ponte.search..", "ponte.kafka..", "ponte.outbound..")
                .check(PONTE);
    }

    /** Pages reach content through the use cases that ask the gate, as the API does. */
    @Test
    void web_reads_content_only_through_gated_use_cases() {
        noClasses().that().resideInAPackage("ponte.web..")
                .should().dependOnClassesThat().belongToAnyOf(Items.class, ContentLog.class)
                .check(PONTE);
    }

    /** One gate: the pieces of an entitlement decision are used only inside the licensing package (and by a value on itself). */
    @Test
    void entitlement_decisions_are_made_only_by_the_gate() {
        noClasses().that().resideOutsideOfPackage("ponte.core.licensing..").and().doNotBelongToAnyOf(Territories.class)
                .should().callMethod(Territories.class, "allows", CountryCode.class)
                .orShould().callMethod(Languages.class, "covers", Set.class, String.class)
                .orShould().callMethod(Validity.class, "contains", Instant.class)
                .check(PONTE);
    }

    /** Read paths reach content through the use cases that ask the gate, never through the stores behind them. */
    @Test
    void api_reads_content_only_through_gated_use_cases() {
        noClasses().that().resideInAPackage("ponte.api..")
                .should().dependOnClassesThat().belongToAnyOf(Items.class, ContentLog.class)
                .check(PONTE);
    }

    @Test
    void delivery_does_not_depend_on_other_adapters() {
        noClasses().that().resideInAPackage("ponte.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.app..", "ponte.ingest..")
                .check(PONTE);
    }

    // --- search ---

    @Test
    void search_does_not_depend_on_other_adapters() {
        noClasses().that().resideInAPackage("ponte.search..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.formats..", "ponte.app..")
                .check(PONTE);
    }

    @Test
    void ingest_adapter_depends_only_on_core_formats_and_outbound() {
        noClasses().that().resideInAPackage("ponte.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.app..", "ponte.delivery..",
                        "ponte.search..", "ponte.kafka..")
                .check(PONTE);
    }

    /** Machine translation engines are reached through core's port: the adapter knows core and the SSRF guard only. */
    @Test
    void translation_adapter_depends_only_on_core_and_outbound() {
        classes().that().resideInAPackage("ponte.translation..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ponte.translation..", "ponte.core..", "ponte.outbound..", "java..",
                        "org.eclipse.jetty..", "tools.jackson..")
                .check(PONTE);
    }

    @Test
    void no_other_adapter_depends_on_delivery() {
        noClasses().that().resideInAnyPackage("ponte.storage..", "ponte.formats..", "ponte.api..", "ponte.ingest..", "ponte.outbound..",
                        "ponte.search..", "ponte.kafka..")
                .should().dependOnClassesThat().resideInAPackage("ponte.delivery..")
                .check(PONTE);
    }

    // --- media: stores, sniffing and ffmpeg ---

    /** The media adapter knows core only; no other adapter reaches into it (the API uploads through core's Uploading). */
    @Test
    void media_depends_only_on_core_and_no_adapter_depends_on_media() {
        noClasses().that().resideInAPackage("ponte.media..")
                .should().dependOnClassesThat().resideInAnyPackage("ponte.api..", "ponte.storage..", "ponte.app..", "ponte.delivery..",
                        "ponte.ingest..", "ponte.search..", "ponte.kafka..", "ponte.formats..", "ponte.outbound..")
                .check(PONTE);
        noClasses().that().resideInAnyPackage("ponte.storage..", "ponte.formats..", "ponte.api..", "ponte.ingest..", "ponte.outbound..",
                        "ponte.search..", "ponte.kafka..", "ponte.delivery..")
                .should().dependOnClassesThat().resideInAPackage("ponte.media..")
                .check(PONTE);
    }

    /** Only the media adapter sniffs types with Tika; only it (ffmpeg) and the translation adapter (Apertium) start processes. */
    @Test
    void only_the_media_and_translation_adapters_run_programs() {
        noClasses().that().resideOutsideOfPackages("ponte.media..", "ponte.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.tika..")
                .check(PONTE);
        // DemoMedia, the demo's clip maker, runs ffmpeg once at a demo's first start; no request reaches it.
        noClasses().that().resideOutsideOfPackages("ponte.media..", "ponte.translation..", "ponte.bench..")
                .and().doNotHaveFullyQualifiedName("ponte.app.DemoMedia")
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .check(PONTE);
    }

    // --- outbound: the SSRF guard, shared by delivery and ingest ---

    /**
     * The guard is a leaf beside core: it knows no adapter, so every adapter that calls out may use it. Beside it, the
     * SMTP sender of links speaks through the Jakarta Mail API only.
     */
    @Test
    void outbound_depends_only_on_core_jettys_client_and_jakarta_mail() {
        classes().that().resideInAPackage("ponte.outbound..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ponte.outbound..", "ponte.core..", "java..", "org.eclipse.jetty..",
                        "jakarta.mail..")
                .check(PONTE);
    }

    /**
     * Webhook endpoints and ingest sources are urls others chose: requests to them go out only through the clients the
     * SSRF guard makes (it is their resolver), never through a client of one's own or the JDK's, which resolves names
     * itself.
     */
    @Test
    void http_clients_are_made_only_by_the_ssrf_guard() {
        // DemoMedia calls only its own node's API on loopback, at a demo's first start: no url anyone else chose. Import,
        // the `ponte import` client, runs in the operator's shell against the node the operator names, never in a node.
        noClasses().that().resideOutsideOfPackages("ponte.outbound..", "ponte.bench..")
                .and().doNotHaveFullyQualifiedName("ponte.app.DemoMedia").and().doNotHaveFullyQualifiedName("ponte.app.Import")
                .should().callConstructorWhere(target(owner(assignableTo(HttpClient.class))))
                .orShould().callMethod(HttpClient.class, "setSocketAddressResolver", SocketAddressResolver.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(PONTE);
    }

    /** Pushers read entries only through Feeds.routed, the gated path the feed uses, never the log or the items store. */
    @Test
    void delivery_reads_content_only_through_the_gated_feed() {
        noClasses().that().resideInAPackage("ponte.delivery..")
                .should().dependOnClassesThat().belongToAnyOf(Items.class, ContentLog.class)
                .check(PONTE);
    }

    /** Ingested items are items like any other: filed through Publishing, never appended to the log directly. */
    @Test
    void ingest_files_items_only_through_publishing() {
        noClasses().that().resideInAnyPackage("ponte.ingest..", "ponte.core.ingest..")
                .should().dependOnClassesThat().belongToAnyOf(ContentLog.class, ponte.core.publishing.Appending.class, ponte.core.publishing.Desk.class)
                .check(PONTE);
    }

    /** Formats render and read documents; fetching them is the ingest adapter's job. */
    @Test
    void formats_does_no_network_io() {
        noClasses().that().resideInAPackage("ponte.formats..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..")
                .check(PONTE);
    }

    @Test
    void only_the_search_adapter_uses_lucene() {
        noClasses().that().resideOutsideOfPackages("ponte.search..", "ponte.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(PONTE);
    }

    /** The API searches through the use case that asks the gate, never through the index behind it. */
    @Test
    void api_searches_only_through_the_gated_use_case() {
        noClasses().that().resideInAPackage("ponte.api..")
                .should().dependOnClassesThat().belongToAnyOf(SearchIndex.class)
                .orShould().dependOnClassesThat().resideInAPackage("ponte.search..")
                .check(PONTE);
    }

    /** Whatever search shows (hits, language versions) passes Finding, which asks the one gate. */
    @Test
    void what_search_shows_passes_the_gate() {
        // Searching's candidates go through its Gate, which withholds stale ones and asks Finding about the rest.
        classes().that().haveFullyQualifiedName(Searching.class.getName() + "$Gate").or().belongToAnyOf(LanguageVersions.class)
                .should(ArchConditions.callMethod(Finding.class, "mayFind", Finding.Finder.class, Item.class, Version.class, Instant.class))
                .check(PONTE);
        classes().that().haveFullyQualifiedName(Finding.class.getName())
                .should(ArchConditions.callMethod(Entitlements.class, "mayReceive", OrgId.class, Item.class, Version.class, boolean.class, Instant.class))
                .check(PONTE);
    }
}
