package ponte.core.publishing;

import java.util.Optional;
import java.util.Set;
import ponte.core.Ids;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.audit.Actor;
import ponte.core.orgs.Territories;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.products.Products;
import ponte.core.items.Change;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.items.Items;

/** An editor publishing, revising and killing its org's items. Every change becomes one entry on the content log. */
public final class Publishing {
    private final ContentLog log;
    private final Products products;
    private final Items items;
    private final Ids ids;

    public Publishing(ContentLog log, Products products, Items items, Ids ids) {
        this.log = log;
        this.products = products;
        this.items = items;
        this.ids = ids;
    }

    public Appended publish(Caller caller, Optional<String> uri, Content content, Set<ProductId> productIds, Territories rights) {
        return publish(caller, uri, content, productIds, rights, Optional.empty());
    }

    /** As above; {@code translationOf} links the item as a language version of another item of the caller's org. */
    public Appended publish(Caller caller, Optional<String> uri, Content content, Set<ProductId> productIds, Territories rights,
                            Optional<ItemId> translationOf) {
        OrgId org = caller.actingFor(Role.EDITOR);
        products.requireOwned(org, productIds, "/products");
        return log.append(new Change.Publish(org, new ItemId(ids.nextInOrder()), uri, content, productIds, rights, translationOf, key(caller)), Actor.of(caller));
    }

    /**
     * Many publishes at once into the same products (a backfill): the caller's role and the products are checked once,
     * here, and each change is queued to the log without waiting for its commit, so the log's writer fills its groups.
     */
    public Batch batch(Caller caller, Set<ProductId> productIds) {
        OrgId org = caller.actingFor(Role.EDITOR);
        products.requireOwned(org, productIds, "/products");
        return new Batch(org, Set.copyOf(productIds), key(caller), Actor.of(caller));
    }

    /** Changes of one editor into one set of products, each answered by a future that completes once it is durable. */
    public final class Batch {
        private final OrgId org;
        private final Set<ProductId> productIds;
        private final Optional<KeyId> key;
        private final Actor actor;

        private Batch(OrgId org, Set<ProductId> productIds, Optional<KeyId> key, Actor actor) {
            this.org = org;
            this.productIds = productIds;
            this.key = key;
            this.actor = actor;
        }

        public OrgId org() {
            return org;
        }

        public Set<ProductId> products() {
            return productIds;
        }

        /** A new item with this uri, or a new version of the org's item that has it (see {@link Change.Publish}). */
        public java.util.concurrent.CompletableFuture<Appended> publish(String uri, Content content) {
            return log.submit(new Change.Publish(org, new ItemId(ids.nextInOrder()), Optional.of(uri), content, productIds, Territories.WORLDWIDE,
                    Optional.empty(), key), actor);
        }

        /** A correction of the item, which the caller found its org owns (the {@link Desk} asks again when the entry is decided). */
        public java.util.concurrent.CompletableFuture<Appended> correct(ItemId item, Content content) {
            return log.submit(new Change.Revise(org, item, content, Event.CORRECTED, key), actor);
        }

        /** Kills the item, which the caller found its org owns (the {@link Desk} asks again when the entry is decided). */
        public java.util.concurrent.CompletableFuture<Appended> kill(ItemId item, String reason) {
            return log.submit(new Change.Kill(org, item, reason, key), actor);
        }
    }

    /** Refuses, as {@link #publish} would, a publish the caller may not make (a held one is checked when it is held). */
    public void mayPublish(Caller caller, Set<ProductId> productIds) {
        products.requireOwned(caller.actingFor(Role.EDITOR), productIds, "/products");
    }

    /** Refuses, as {@link #revise} would, a revision the caller may not make. */
    public void mayRevise(Caller caller, ItemId item) {
        editing(caller, item);
    }

    public Appended revise(Caller caller, ItemId item, Content content, Event signal) {
        return log.append(new Change.Revise(editing(caller, item), item, content, signal, key(caller)), Actor.of(caller));
    }

    public Appended kill(Caller caller, ItemId item, String reason) {
        return log.append(new Change.Kill(editing(caller, item), item, reason, key(caller)), Actor.of(caller));
    }

    /**
     * Kills the item and every other language version of it the caller's org owns (a co-production's versions are
     * every party's), one log entry each, each reaching every recipient of that version. Versions killed already are
     * left as they are.
     */
    public java.util.List<Appended> killLanguageVersions(Caller caller, ItemId item, String reason) {
        OrgId by = editing(caller, item);
        java.util.List<Appended> out = new java.util.ArrayList<>();
        out.add(kill(caller, item, reason));
        for (ItemId other : items.languageVersions(item)) {
            items.byId(other).filter(i -> i.ownedBy(by) && !i.killed())
                    .ifPresent(i -> out.add(log.append(new Change.Kill(by, other, reason, key(caller)), Actor.of(caller))));
        }
        return out;
    }

    /** The key the caller came with, kept with the version it makes (an item's history names it). */
    private static Optional<KeyId> key(Caller caller) {
        return caller instanceof Caller.Member m ? m.key() : Optional.empty();
    }

    /**
     * The caller's org, if the caller may change the item: to anyone but its owners' keys the item does not exist,
     * whatever the role; an owner's partner key lacks the role. Owners never change, so asking before the append is
     * as good as asking in it (where the {@link Desk} asks again).
     */
    private OrgId editing(Caller caller, ItemId id) {
        items.byId(id).filter(i -> caller.belongsToAny(i.owners())).orElseThrow(() -> new NotFound("no such item"));
        return caller.actingFor(Role.EDITOR);
    }
}
