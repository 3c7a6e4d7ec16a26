package ponte.core.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.agreements.Agreements;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.items.Items;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * Creating and changing campaigns (an editor or admin of the owner), and reading them (the owner and the channels'
 * partners, with a key of any role; to anyone else a campaign does not exist).
 */
public final class Campaigning {
    private final Campaigns campaigns;
    private final CampaignRules rules;
    private final Audit audit;
    private final Clock clock;

    public Campaigning(Campaigns campaigns, Agreements agreements, Items items, Orgs orgs, Audit audit, Clock clock) {
        this.campaigns = campaigns;
        this.rules = new CampaignRules(agreements, items, orgs);
        this.audit = audit;
        this.clock = clock;
    }

    /** A new campaign owned by the caller's org; the same terms again under the same id is the first answer (a retry). */
    public synchronized Campaign create(Caller caller, String id, CampaignTerms terms) {
        OrgId owner = caller.actingFor(Role.EDITOR);
        Ids.requireUrlSafe("id", id);
        var existing = campaigns.byId(id);
        if (existing.isPresent()) {
            Campaign c = existing.get();
            if (c.owner().equals(owner) && c.current().number() == 1 && c.terms().equals(terms)) {
                return c;
            }
            throw new Conflict("campaign id '" + id + "' is taken");
        }
        rules.check(owner, terms);
        Instant now = clock.instant();
        return audit.change(caller, Action.CAMPAIGN_CREATE, () -> {
            campaigns.create(id, owner, new CampaignVersion(1, terms, owner, now));
            return campaigns.byId(id).orElseThrow();
        }, c -> note(c, "created campaign " + c.terms().title()));
    }

    /** The next version of the caller's campaign. */
    public synchronized Campaign amend(Caller caller, String id, CampaignTerms terms) {
        Campaign current = read(caller, id);
        OrgId owner = caller.actingFor(Role.EDITOR);
        if (!current.owner().equals(owner)) {
            throw new ponte.core.NotAllowed("only " + current.owner() + " changes campaign " + id);
        }
        if (current.terms().equals(terms)) {
            return current;
        }
        rules.check(owner, terms);
        Instant now = clock.instant();
        return audit.change(caller, Action.CAMPAIGN_AMEND, () -> {
            campaigns.addVersion(id, new CampaignVersion(current.current().number() + 1, terms, owner, now));
            return campaigns.byId(id).orElseThrow();
        }, c -> note(c, "changed campaign " + c.terms().title() + " (version " + c.current().number() + ")"));
    }

    public Campaign read(Caller caller, String id) {
        return campaigns.byId(id).filter(c -> c.visibleTo(caller)).orElseThrow(() -> new NotFound("no campaign " + id));
    }

    /** The campaigns the caller's org owns or carries, by id. */
    public List<Campaign> mine(Caller caller) {
        return caller.memberOf().map(campaigns::concerning).orElse(List.of());
    }

    /** The campaign's versions, oldest first. */
    public List<CampaignVersion> history(Caller caller, String id) {
        read(caller, id);
        return campaigns.versions(id);
    }

    private static Audit.Note note(Campaign c, String summary) {
        return new Audit.Note(c.id(), summary, c.concerned());
    }
}
