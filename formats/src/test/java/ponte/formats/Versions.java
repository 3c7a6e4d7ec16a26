package ponte.formats;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;

/** {@code aVersion().of(item).number(2).withRights(Territories.of(Set.of("IT"), Set.of())).build()}. */
final class Versions {
    private ItemId item = Items.anItem().build().id();
    private int number = 1;
    private Event event = Event.PUBLISHED;
    private Instant created = Instant.parse("2026-05-01T06:05:00Z");
    private JsonNode document = Documents.aDocument().build();
    private Set<ProductId> products = Set.of(new ProductId("it-news"));
    private Territories rights = Territories.WORLDWIDE;
    private Optional<String> killReason = Optional.empty();

    private Versions() {}

    static Versions aVersion() {
        return new Versions();
    }

    Versions of(Item item) {
        this.item = item.id();
        return this;
    }

    Versions number(int number) {
        this.number = number;
        this.event = number == 1 ? Event.PUBLISHED : Event.UPDATED;
        return this;
    }

    Versions created(Instant at) {
        created = at;
        return this;
    }

    Versions withDocument(JsonNode ninjs) {
        document = ninjs;
        return this;
    }

    Versions withDocument(Documents ninjs) {
        return withDocument(ninjs.build());
    }

    Versions inProducts(String... ids) {
        products = Arrays.stream(ids).map(ProductId::new).collect(Collectors.toSet());
        return this;
    }

    Versions withRights(Territories rights) {
        this.rights = rights;
        return this;
    }

    Versions killedBecause(String reason) {
        event = Event.KILLED;
        killReason = Optional.of(reason);
        return this;
    }

    /** The stored content is the document as the editor filed it, without Ponte's reading of it (not needed here). */
    Version build() {
        Content content = new Content(NinjsWriter.mapper().writeValueAsString(document), Optional.empty(), Optional.empty(), "text", Optional.empty());
        return new Version(item, number, event, created, content, products, rights, killReason);
    }
}
