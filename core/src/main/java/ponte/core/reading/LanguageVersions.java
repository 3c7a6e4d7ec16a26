package ponte.core.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Version;

/**
 * Language versions of one story: items sharing an owner (one org's, or a co-production's parties') linked into a set
 * when published with {@code translationOf}. A set is named by its first item, its source; linking to any member joins
 * that member's set. A correction of the source marks the others as needing an update until each is revised. Each caller sees the members it may
 * {@link Finding find}.
 */
public final class LanguageVersions {
    /** A member the caller may see, at its latest version. */
    public record Member(Item item, Version version, boolean source, boolean needsUpdate) {}

    private final Items items;
    private final Reading reading;
    private final Finding finding;
    private final Clock clock;

    public LanguageVersions(Items items, Reading reading, Finding finding, Clock clock) {
        this.items = items;
        this.reading = reading;
        this.finding = finding;
        this.clock = clock;
    }

    /** The other language versions of an item the caller may read, those it may find; 404 when it may not read the item. */
    public List<Member> of(Caller caller, ItemId id) {
        reading.read(caller, id, Optional.empty());
        Finding.Finder finder = Finding.Finder.of(caller);
        List<ItemId> others = items.languageVersions(id);
        Map<ItemId, Item> states = items.byIds(others);
        Instant now = clock.instant();
        Optional<ItemId> source = items.languageSource(id);
        java.util.Set<ItemId> outdated = items.needingUpdate(id);
        List<Member> out = new ArrayList<>();
        for (ItemId other : others) {
            Item item = states.get(other);
            if (item == null) {
                continue;
            }
            items.version(other, item.latestVersion())
                    .filter(v -> finding.mayFind(finder, item, v, now))
                    .ifPresent(v -> out.add(new Member(item, v, source.equals(Optional.of(other)), outdated.contains(other))));
        }
        return out;
    }
}
