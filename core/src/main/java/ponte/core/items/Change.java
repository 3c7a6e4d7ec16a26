package ponte.core.items;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.KeyId;
import ponte.core.orgs.Territories;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * A request to change the log, as an editor made it; the {@link ponte.core.publishing.Desk} decides what it becomes.
 * A change an editor made names the key it came with ({@code key}), kept beside the version it makes: an item's
 * history says which key made each version. Empty when the node acts for the org itself (an ingest poll).
 */
public sealed interface Change {

    /** The key the change came with, if any. */
    default Optional<KeyId> key() {
        return Optional.empty();
    }

    /** The co-produced draft the change releases, if it releases one. */
    default Optional<Integer> draft() {
        return Optional.empty();
    }

    /**
     * Publish a new item, or, when {@code uri} names an item the same org already owns, a new version of it
     * (the uri is the client's idempotency key). {@code newId} is used only if the item is new. {@code translationOf}
     * makes the item a language version of another item of the same org (see {@link ponte.core.reading.LanguageVersions}).
     * {@code approvedBy} are the orgs that approved this version: a new item is owned by them all (a co-production's
     * parties, once an editor of each approved its first draft), and an item owned by several changes only with a
     * version every owner approved. {@code draft} names the co-produced draft this change releases: it is marked
     * released in the entry's own transaction, and a draft released already refuses the change, so it is published once.
     */
    record Publish(OrgId by, ItemId newId, Optional<String> uri, Content content, Set<ProductId> products, Territories rights,
                   Optional<ItemId> translationOf, Optional<KeyId> key, Set<OrgId> approvedBy, Optional<Integer> draft) implements Change {
        public Publish {
            products = Set.copyOf(products);
            Objects.requireNonNull(translationOf);
            Objects.requireNonNull(key);
            Objects.requireNonNull(draft);
            approvedBy = Set.copyOf(approvedBy);
            if (!approvedBy.contains(by)) {
                throw new IllegalArgumentException("whoever publishes approves what it publishes");
            }
        }

        public Publish(OrgId by, ItemId newId, Optional<String> uri, Content content, Set<ProductId> products, Territories rights,
                       Optional<ItemId> translationOf, Optional<KeyId> key, Set<OrgId> approvedBy) {
            this(by, newId, uri, content, products, rights, translationOf, key, approvedBy, Optional.empty());
        }

        public Publish(OrgId by, ItemId newId, Optional<String> uri, Content content, Set<ProductId> products, Territories rights,
                       Optional<ItemId> translationOf, Optional<KeyId> key) {
            this(by, newId, uri, content, products, rights, translationOf, key, Set.of(by));
        }

        public Publish(OrgId by, ItemId newId, Optional<String> uri, Content content, Set<ProductId> products, Territories rights,
                       Optional<ItemId> translationOf) {
            this(by, newId, uri, content, products, rights, translationOf, Optional.empty());
        }

        public Publish(OrgId by, ItemId newId, Optional<String> uri, Content content, Set<ProductId> products, Territories rights) {
            this(by, newId, uri, content, products, rights, Optional.empty());
        }
    }

    /**
     * A new version of an existing item: a plain update or a correction; {@code draft} as for {@link Publish}.
     */
    record Revise(OrgId by, ItemId item, Content content, Event signal, Optional<KeyId> key, Set<OrgId> approvedBy,
                  Optional<Integer> draft) implements Change {
        public Revise {
            Objects.requireNonNull(draft);
            if (signal != Event.UPDATED && signal != Event.CORRECTED) {
                throw new IllegalArgumentException("a revision is an update or a correction");
            }
            Objects.requireNonNull(key);
            approvedBy = Set.copyOf(approvedBy);
            if (!approvedBy.contains(by)) {
                throw new IllegalArgumentException("whoever revises approves the revision");
            }
        }

        public Revise(OrgId by, ItemId item, Content content, Event signal, Optional<KeyId> key, Set<OrgId> approvedBy) {
            this(by, item, content, signal, key, approvedBy, Optional.empty());
        }

        public Revise(OrgId by, ItemId item, Content content, Event signal, Optional<KeyId> key) {
            this(by, item, content, signal, key, Set.of(by));
        }

        public Revise(OrgId by, ItemId item, Content content, Event signal) {
            this(by, item, content, signal, Optional.empty());
        }
    }

    /** Withdraw an item: partners who received it must take it down. */
    record Kill(OrgId by, ItemId item, String reason, Optional<KeyId> key) implements Change {
        public Kill {
            Objects.requireNonNull(key);
        }

        public Kill(OrgId by, ItemId item, String reason) {
            this(by, item, reason, Optional.empty());
        }
    }

    /**
     * Re-route an item's latest version because time made it visible to more partners (an embargo lapsed, a licence
     * started). Made by Ponte itself, never by a caller; it makes no new version.
     */
    record Release(ItemId item) implements Change {}
}
