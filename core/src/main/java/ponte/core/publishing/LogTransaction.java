package ponte.core.publishing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import ponte.core.access.KeyId;
import ponte.core.audit.AuditEntry;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.log.Appended;
import ponte.core.orgs.OrgId;

/**
 * Port: the content log's write transaction as one change sees it. It reads the state every entry before this one
 * left, and takes what {@link Appending} decided; everything written through it commits together with the entry, or
 * not at all (a refused change is undone without failing the others committed with it).
 */
public interface LogTransaction {
    /** The item with this uri, with its owners. */
    Optional<Item> itemWithUri(String uri);

    /** The item, with its owners. */
    Optional<Item> item(ItemId id);

    Optional<Version> version(ItemId item, int number);

    /** Each org that received the item, with the highest version it received. */
    Map<OrgId, Integer> received(ItemId item);

    /** The language-version set the item belongs to, if it was linked to one. */
    Optional<ItemId> languageSet(ItemId item);

    /** A new item, with its owners. */
    void insertItem(Item item);

    /** The item's latest version and whether it is killed. */
    void updateItem(Item item);

    /** A new version, with the key of whoever made it (empty when the node made it for the org). */
    void insertVersion(Version version, Optional<KeyId> key);

    void joinLanguageSet(ItemId item, ItemId set);

    /** Marks every version of the set but {@code source} as needing an update (the source was corrected). */
    void markTranslationsOutdated(ItemId set, ItemId source);

    /** The version was revised: it no longer needs an update. */
    void markTranslationRevised(ItemId item);

    /**
     * Marks the co-produced draft as released as {@code version} of its item; false, changing nothing, when it was
     * released already (or there is no such draft).
     */
    boolean releaseDraft(ItemId item, int draft, int version);

    /**
     * Marks done the open translation tasks into {@code language} (compared ignoring case) of any item of the
     * language-version set: a version in that language was published.
     */
    void closeTranslationTasks(ItemId set, String language, Instant at);

    /** The log entry at its position, with its routes. */
    void append(Appended entry);

    /** Drops every booked release of the item. */
    void cancelReleases(ItemId item);

    /** Drops the item's releases due at or before {@code now}: this entry routed what they were booked for. */
    void dropReleasesDue(ItemId item, Instant now);

    /** Books a release of the item at {@code at}, once however often it is booked. */
    void bookRelease(ItemId item, Instant at);

    /** Records who made the change, on the audit trail. */
    void audit(AuditEntry entry);
}
