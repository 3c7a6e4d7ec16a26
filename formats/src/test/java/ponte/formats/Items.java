package ponte.formats;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** {@code anItem().ownedBy("italpress", "cgtn").build()}. */
final class Items {
    private String id = "7kq2m9x4p1d8c3v6";
    private Set<OrgId> owners = Set.of(new OrgId("italpress"));
    private Instant firstCreated = Instant.parse("2026-05-01T06:00:00Z");
    private int latestVersion = 1;
    private boolean killed;

    private Items() {}

    static Items anItem() {
        return new Items();
    }

    Items withId(String id) {
        this.id = id;
        return this;
    }

    Items ownedBy(String... orgs) {
        owners = Arrays.stream(orgs).map(OrgId::new).collect(Collectors.toSet());
        return this;
    }

    Items firstCreated(Instant at) {
        firstCreated = at;
        return this;
    }

    Items atVersion(int latest) {
        latestVersion = latest;
        return this;
    }

    Items killed() {
        killed = true;
        return this;
    }

    Item build() {
        return new Item(new ItemId(id), "urn:ponte:item:" + id, owners, latestVersion, firstCreated, killed);
    }
}
