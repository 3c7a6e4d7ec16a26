package ponte.core.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.orgs.Territories;

/** Small builders for licences, items and versions. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-02-06T19:00:00Z");

    private Fixtures() {}

    public static OrgId org(String id) {
        return new OrgId(id);
    }

    public static ProductId product(String id) {
        return new ProductId(id);
    }

    public static Licence licence(String id, String licensor, String licensee, String... products) {
        return Licence.unrestricted(new LicenceId(id), org(licensor), org(licensee), Set.of(products).stream().map(ProductId::new).collect(java.util.stream.Collectors.toSet()));
    }

    public static Licence restricted(Licence l, Territories territories, Set<String> languages, Duration delay, Validity validity) {
        return new Licence(l.id(), l.agreement(), l.licensor(), l.licensee(), l.products(), territories, languages, delay, validity);
    }

    public static Item item(String id, String... owners) {
        return new Item(new ItemId(id), "urn:ponte:item:" + id, Set.of(owners).stream().map(OrgId::new).collect(java.util.stream.Collectors.toSet()), 1, T0, false);
    }

    public static Version version(Item item, int number, Event event, String language, Territories rights, String... products) {
        Content content = new Content("{}", Optional.ofNullable(language), Optional.empty(), "text", Optional.of("headline"));
        return new Version(item.id(), number, event, T0, content, Set.of(products).stream().map(ProductId::new).collect(java.util.stream.Collectors.toSet()), rights, Optional.empty());
    }
}
