package ponte.core.reading;

import java.time.Instant;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * What a caller may find, by searching or among an item's language versions. Editors find their own org's items in
 * every state (embargoed, killed). Anyone else finds an item's latest version only while it is live and the
 * entitlement gate grants it now, as for a first receipt: finding is discovery under the licences in force, so it
 * never shows more than the partner's feed would give it.
 */
public final class Finding {
    /** Who is looking: an org, as an editor (or admin) or as a partner. */
    public record Finder(OrgId org, boolean editor) {
        public static Finder of(Caller caller) {
            OrgId org = caller.actingFor(Role.PARTNER);
            return new Finder(org, caller instanceof Caller.Member m && m.role().includes(Role.EDITOR));
        }
    }

    private final Entitlements entitlements;

    public Finding(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    public boolean mayFind(Finder finder, Item item, Version latest, Instant now) {
        if (item.ownedBy(finder.org())) {
            // A partner key is for receiving, and owners never receive their own items: only editors find them.
            return finder.editor();
        }
        if (item.killed() || latest.isKill()) {
            return false;
        }
        return entitlements.mayReceive(finder.org(), item, latest, false, now);
    }
}
