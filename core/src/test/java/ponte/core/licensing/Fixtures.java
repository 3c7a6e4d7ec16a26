package ponte.core.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/**
 * The old positional spellings, kept only for {@link RoutingIndexTest} while the RoutingIndex split changes that test;
 * they delegate to {@link ponte.core.fixtures.Fixtures}. New tests use the builders; delete this once that test does.
 */
final class Fixtures {
    static final Instant T0 = ponte.core.fixtures.Fixtures.T0;

    private Fixtures() {}

    static OrgId org(String id) {
        return ponte.core.fixtures.Fixtures.org(id);
    }

    static Licence licence(String id, String licensor, String licensee, String... products) {
        return ponte.core.fixtures.Fixtures.aLicence().withId(id).from(licensor).to(licensee).forProducts(products).build();
    }

    static Licence restricted(Licence l, Territories territories, Set<String> languages, Duration delay, Validity validity) {
        return new Licence(l.id(), l.agreement(), l.licensor(), l.licensee(), l.products(), territories, languages, delay, validity);
    }

    static Item item(String id, String... owners) {
        return ponte.core.fixtures.Fixtures.anItem().withId(id).ownedBy(owners).firstCreated(T0).build();
    }

    static Version version(Item item, int number, Event event, String language, Territories rights, String... products) {
        return ponte.core.fixtures.Fixtures.aVersion().of(item).number(number).event(event).created(T0)
                .inLanguage(language).headline("headline").withRights(rights).inProducts(products).build();
    }
}
