package ponte.core.coproduction;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.Approvals;
import ponte.core.agreements.Agreements;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * Co-production projects, following the agreement lifecycle: a party's editor proposes or amends, each version is
 * approved by every party's admin ({@code version} guards against approving a plan not read), any change resets the
 * approvals, and only parties see a project. A project is made under an agreement every party is party to.
 *
 * <p>Methods are synchronized: approvals from two parties at once must not both miss being the last one.
 */
public final class Coproducing {
    private final Coproductions projects;
    private final Agreements agreements;
    private final Orgs orgs;
    private final Entitlements entitlements;
    private final Audit audit;
    private final Clock clock;

    public Coproducing(Coproductions projects, Agreements agreements, Orgs orgs, Entitlements entitlements, Audit audit, Clock clock) {
        this.projects = projects;
        this.agreements = agreements;
        this.orgs = orgs;
        this.entitlements = entitlements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Proposes version 1; the same id with the same plan again is a retry and returns the project as it is. */
    public synchronized Coproduction propose(Caller caller, String id, Plan plan) {
        Ids.requireUrlSafe("id", id);
        OrgId by = draftingParty(caller, plan);
        validate(plan);
        Optional<Coproduction> existing = projects.byId(id);
        if (existing.isPresent()) {
            if (existing.get().visibleTo(caller) && existing.get().current().number() == 1 && existing.get().plan().equals(plan)) {
                return existing.get();
            }
            throw new Conflict("co-production id '" + id + "' is taken");
        }
        Coproduction made = audit.change(caller, Action.COPRODUCTION_PROPOSE, () -> {
            projects.create(id, new ProjectVersion(1, plan, by, clock.instant(), Set.of()));
            return projects.byId(id).orElseThrow();
        }, p -> note(p, plan, "proposed co-production '" + plan.title() + "' between " + names(plan.orgs())));
        entitlements.refresh(Set.of()); // co-productions only: no org's licences or territories
        return made;
    }

    /** A new version; every approval is needed again. */
    public synchronized Coproduction amend(Caller caller, String id, Plan plan) {
        Coproduction current = visible(caller, id);
        OrgId by = draftingParty(caller, current.plan());
        if (!plan.orgs().contains(by)) {
            throw new Invalid("/parties", "you cannot remove your own organisation from the parties");
        }
        validate(plan);
        int number = current.current().number() + 1;
        Coproduction after = audit.change(caller, Action.COPRODUCTION_AMEND, () -> {
            projects.addVersion(id, new ProjectVersion(number, plan, by, clock.instant(), Set.of()));
            return projects.byId(id).orElseThrow();
        }, p -> note(p, current.plan(), "amended as version " + number + ", to be approved again"));
        entitlements.refresh(Set.of()); // the parties' territories stop applying until approved again
        return after;
    }

    /** Records the caller's org's approval of the current version; the last approval makes the project active. */
    public synchronized Coproduction approve(Caller caller, String id, Optional<Integer> version) {
        Coproduction project = visible(caller, id);
        OrgId party = caller.actingFor(Role.ADMIN);
        int current = project.current().number();
        Approvals.requireCurrent(version, current);
        if (project.current().approvedBy().contains(party)) {
            return project; // approved already: a retry changes nothing
        }
        Coproduction after = audit.change(caller, Action.COPRODUCTION_APPROVE, () -> {
            projects.approve(id, current, party, clock.instant());
            return projects.byId(id).orElseThrow();
        }, p -> note(p, project.plan(), party + " approved version " + current + (p.current().approvedByEveryParty() ? "; approved by every party" : "")));
        entitlements.refresh(Set.of()); // co-productions only: no org's licences or territories
        return after;
    }

    public Coproduction read(Caller caller, String id) {
        return visible(caller, id);
    }

    public List<ProjectVersion> history(Caller caller, String id) {
        visible(caller, id);
        return projects.versions(id);
    }

    public List<Coproduction> mine(Caller caller) {
        return projects.withParty(caller.actingFor(Role.PARTNER));
    }

    /** The project's state now: its approvals, and its agreement's state (a project cannot outlive its agreement). */
    public Agreement.State state(Coproduction project) {
        Agreement.State agreement = agreements.byId(project.plan().agreement()).map(a -> a.state(clock.instant()))
                .orElse(Agreement.State.ENDED);
        return project.state(agreement);
    }

    /** The project, if the caller's org is a party to it and it is active: what a co-produced item is made under. */
    public Coproduction active(Caller caller, String id, String pointer) {
        Coproduction project = projects.byId(id).filter(p -> p.visibleTo(caller))
                .orElseThrow(() -> new Invalid(pointer, "no co-production " + id + " of your organisation"));
        if (state(project) != Agreement.State.ACTIVE) {
            throw new Invalid(pointer, "co-production " + id + " is not active (" + state(project).name().toLowerCase(java.util.Locale.ROOT)
                    + "): every party's admin approves its current version, under an agreement in force");
        }
        return project;
    }

    /** Every party exists and the agreement binds every party (an agreement a party cannot see answers as a missing one). */
    private void validate(Plan plan) {
        for (int i = 0; i < plan.parties().size(); i++) {
            OrgId org = plan.parties().get(i).org();
            if (orgs.byId(org).isEmpty()) {
                throw new Invalid("/parties/" + i + "/org", "no organisation " + org);
            }
        }
        Agreement agreement = agreements.byId(plan.agreement())
                .orElseThrow(() -> new Invalid("/agreement", "no agreement " + plan.agreement() + " that every party is party to"));
        Set<OrgId> outside = new HashSet<>(plan.orgs());
        outside.removeAll(agreement.current().terms().parties());
        if (!outside.isEmpty()) {
            throw new Invalid("/agreement", "no agreement " + plan.agreement() + " that every party is party to");
        }
    }

    private static Audit.Note note(Coproduction after, Plan before, String summary) {
        Set<OrgId> concerns = new HashSet<>(after.plan().orgs());
        concerns.addAll(before.orgs());
        return new Audit.Note(after.id(), summary, concerns);
    }

    private static String names(Set<OrgId> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private Coproduction visible(Caller caller, String id) {
        return projects.byId(id).filter(p -> p.visibleTo(caller)).orElseThrow(() -> new NotFound("no co-production " + id));
    }

    private static OrgId draftingParty(Caller caller, Plan plan) {
        OrgId by = caller.actingFor(Role.EDITOR);
        if (!plan.orgs().contains(by)) {
            throw new NotAllowed("only a party drafts or changes a co-production");
        }
        return by;
    }
}
