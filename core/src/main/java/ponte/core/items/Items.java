package ponte.core.items;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: read access to items and versions (writes go through the {@link ponte.core.log.ContentLog}). */
public interface Items {
    Optional<Item> byId(ItemId id);

    Optional<Item> byUri(String uri);

    Optional<Version> version(ItemId id, int number);

    /** The item's versions numbered above {@code after}, oldest first, at most {@code limit}: its history. */
    List<VersionMade> history(ItemId id, int after, int limit);

    /** Whether any version of the item was routed to the org. */
    boolean received(OrgId org, ItemId id);

    /** The current state of each of these items that exists. */
    Map<ItemId, Item> byIds(Collection<ItemId> ids);

    /** The current state of each item with one of these uris that exists, by uri (a backfill asks for many at once). */
    Map<String, Item> byUris(Collection<String> uris);

    /** The other language versions of the item (its {@link ponte.core.reading.LanguageVersions} set without it), in log order. */
    List<ItemId> languageVersions(ItemId id);

    /** The source of the item's language-version set (its first item), if it belongs to one. */
    Optional<ItemId> languageSource(ItemId id);

    /** The members of the item's set (the item too) marked as needing an update since their source's last correction. */
    java.util.Set<ItemId> needingUpdate(ItemId id);

    /** The org's own items with their latest versions, newest first, after {@code after}; at most {@code limit}. */
    List<Owned> ownedBy(OrgId org, Optional<Owned.Position> after, int limit);
}
