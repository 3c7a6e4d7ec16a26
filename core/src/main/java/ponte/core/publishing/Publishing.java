package ponte.core.publishing;

import java.util.Optional;
import java.util.Set;
import ponte.core.Ids;
import ponte.core.access.Caller;
import ponte.core.access.Role;
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

/** An editor publishing, revising and killing its org's items. Every change becomes one entry on the content log. */
public final class Publishing {
    private final ContentLog log;
    private final Products products;
    private final Ids ids;

    public Publishing(ContentLog log, Products products, Ids ids) {
        this.log = log;
        this.products = products;
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
        return log.append(new Change.Publish(org, new ItemId(ids.next()), uri, content, productIds, rights, translationOf));
    }

    public Appended revise(Caller caller, ItemId item, Content content, Event signal) {
        return log.append(new Change.Revise(caller.actingFor(Role.EDITOR), item, content, signal));
    }

    public Appended kill(Caller caller, ItemId item, String reason) {
        return log.append(new Change.Kill(caller.actingFor(Role.EDITOR), item, reason));
    }
}
