package ponte.core.agreements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.licensing.Licence;
import ponte.core.licensing.LicenceId;
import ponte.core.licensing.Network;

/** An agreement and its current version; earlier versions stay readable as history. */
public record Agreement(String id, AgreementVersion current, boolean suspended) {

    public enum State { DRAFT, ACTIVE, SUSPENDED, ENDED }

    public State state(Instant now) {
        if (suspended) {
            return State.SUSPENDED;
        }
        if (current.terms().validity().to().map(to -> !now.isBefore(to)).orElse(false)) {
            return State.ENDED;
        }
        return current.approvedByEveryParty() ? State.ACTIVE : State.DRAFT;
    }

    /** Only parties see an agreement, with a key of any role: to anyone else, the operator too, it does not exist. */
    public boolean visibleTo(Caller caller) {
        return caller.belongsToAny(current.terms().parties());
    }

    /** Whether the current version's grants are licences (an ended agreement's licences refuse by their window). */
    public boolean inForce() {
        return !suspended && current.approvedByEveryParty();
    }

    /** The current version's grants as licences, in force or not. */
    public List<Licence> licences() {
        List<Licence> out = new ArrayList<>();
        List<Grant> grants = current.terms().grants();
        for (int i = 0; i < grants.size(); i++) {
            Grant g = grants.get(i);
            out.add(new Licence(new LicenceId(id + "/v" + current.number() + "/" + (i + 1)), Optional.of(id), g.licensor(), g.licensee(),
                    g.products(), g.territories(), g.languages(), g.embargoDelay(), current.terms().validity()));
        }
        return out;
    }

    /** Why the grants are not licences now, for "explain". */
    public String whyNotInForce() {
        if (suspended) {
            return "agreement " + id + " is suspended";
        }
        return "agreement " + id + " version " + current.number() + " not approved by " + String.join(", ",
                current.awaitingApproval().stream().map(Object::toString).toList());
    }

    /** Adds this agreement's grants to a network under construction. */
    public void contributeTo(List<Licence> inForce, List<Network.Dormant> dormant) {
        if (inForce()) {
            inForce.addAll(licences());
        } else {
            licences().forEach(l -> dormant.add(new Network.Dormant(l, whyNotInForce())));
        }
    }

}
