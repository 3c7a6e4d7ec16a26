package ponte.core.coproduction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** Port: co-produced items, their drafts and the parties' sign-offs, kept outside the content log. */
public interface Drafts {
    /** A new co-produced item with its first draft. */
    void create(CoItem item, Draft first);

    Optional<CoItem> item(ItemId id);

    Optional<CoItem> itemWithUri(String uri);

    void add(Draft next);

    /** The item's drafts, oldest first. */
    List<Draft> drafts(ItemId item);

    void signOff(Signoff signoff);

    /** The item's sign-offs, oldest first. */
    List<Signoff> signoffs(ItemId item);

    // A draft is marked released by the content log, in the transaction of the entry it becomes (LogTransaction.releaseDraft).

    void withdraw(ItemId item, OrgId by, String reason, Instant at);
}
