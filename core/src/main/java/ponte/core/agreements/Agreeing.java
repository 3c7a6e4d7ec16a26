package ponte.core.agreements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.items.ReleaseSchedule;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/**
 * Drafting, amending, approving, renewing and suspending agreements. Parties' editors draft; each party's admin
 * approves the current version; the grants become licences when the last approval arrives and stop being licences
 * on any change, suspension or the end of the validity window.
 *
 * <p>Methods are synchronized: approvals from two parties at once must not both miss being the last one.
 */
public final class Agreeing {
    /** When a licence starts, the licensee also gets the licensor's live items of the last week in those products. */
    public static final Duration BACKFILL = Duration.ofDays(7);

    private final Agreements agreements;
    private final TermsCheck check;
    private final Entitlements entitlements;
    private final ReleaseSchedule releases;
    private final Audit audit;
    private final Clock clock;
    private final Ids ids;

    public Agreeing(Agreements agreements, Orgs orgs, Products products, Entitlements entitlements, ReleaseSchedule releases, Audit audit,
                    Clock clock, Ids ids) {
        this.agreements = agreements;
        this.check = new TermsCheck(orgs, products);
        this.entitlements = entitlements;
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** Drafts a new agreement; the same id with the same terms again is a retry and returns the agreement as it is. */
    public synchronized Agreement propose(Caller caller, String id, Terms terms) {
        Ids.requireUrlSafe("id", id);
        OrgId by = draftingParty(caller, terms);
        check.validate(terms);
        Optional<Agreement> existing = agreements.byId(id);
        if (existing.isPresent()) {
            if (existing.get().current().number() == 1 && existing.get().current().terms().equals(terms)) {
                return existing.get();
            }
            throw new Conflict("agreement id '" + id + "' is taken");
        }
        Agreement made = audit.change(caller, Action.AGREEMENT_PROPOSE, () -> {
            agreements.create(id, new AgreementVersion(1, terms, by, clock.instant(), Set.of()));
            return agreements.byId(id).orElseThrow();
        }, a -> note(a, terms, "proposed '" + terms.title() + "' between " + names(terms.parties())));
        entitlements.refresh(terms.orgs()); // explain shows drafts too
        return made;
    }

    /** A new version with new terms; every approval is needed again. */
    public synchronized Agreement amend(Caller caller, String id, Terms terms) {
        Agreement current = visible(caller, id);
        OrgId by = draftingParty(caller, current.current().terms());
        if (!terms.parties().contains(by)) {
            throw new Invalid("/parties", "you cannot remove your own organisation from the parties");
        }
        check.validate(terms);
        return newVersion(caller, Action.AGREEMENT_AMEND, current, terms, by, "amended");
    }

    /** Extends validTo as a new version, to be approved again. */
    public synchronized Agreement renew(Caller caller, String id, Instant validTo) {
        Agreement current = visible(caller, id);
        OrgId by = draftingParty(caller, current.current().terms());
        Validity old = current.current().terms().validity();
        if (old.to().isPresent() && !validTo.isAfter(old.to().get())) {
            throw new Invalid("/validTo", "a renewal extends validTo beyond " + old.to().get());
        }
        return newVersion(caller, Action.AGREEMENT_RENEW, current,
                current.current().terms().withValidity(new Validity(old.from(), Optional.of(validTo))), by, "renewed until " + validTo + ",");
    }

    private Agreement newVersion(Caller caller, Action action, Agreement current, Terms terms, OrgId by, String what) {
        int number = current.current().number() + 1;
        Agreement after = audit.change(caller, action, () -> {
            agreements.addVersion(current.id(), new AgreementVersion(number, terms, by, clock.instant(), Set.of()));
            return agreements.byId(current.id()).orElseThrow();
        }, a -> note(a, current.current().terms(), what + " as version " + number + ", to be approved again"));
        entitlements.refresh(concerned(after, current.current().terms())); // the grants stop being licences until approved again
        return after;
    }

    /**
     * Records the caller's org's approval of the current version ({@code version} guards against approving terms the
     * approver has not read). The last approval puts the grants in force.
     */
    public synchronized Agreement approve(Caller caller, String id, Optional<Integer> version) {
        Agreement agreement = visible(caller, id);
        OrgId party = caller.actingFor(Role.ADMIN);
        int current = agreement.current().number();
        Approvals.requireCurrent(version, current);
        if (agreement.current().approvedBy().contains(party)) {
            return agreement; // approved already: a retry changes nothing
        }
        boolean last = agreement.current().awaitingApproval().equals(Set.of(party));
        if (last && !agreement.suspended()) {
            requireNoExclusivityClash(agreement);
        }
        Agreement after = audit.change(caller, Action.AGREEMENT_APPROVE, () -> {
            agreements.approve(id, current, party, clock.instant());
            return agreements.byId(id).orElseThrow();
        }, a -> note(a, agreement.current().terms(), party + " approved version " + current + (a.inForce() ? "; in force" : "")));
        if (after.inForce() && !agreement.inForce()) {
            takeEffect(after);
        } else {
            entitlements.refresh(concerned(after, agreement.current().terms())); // who is still awaited, for explain
        }
        return after;
    }

    public synchronized Agreement suspend(Caller caller, String id, boolean suspend) {
        Agreement agreement = visible(caller, id);
        caller.actingFor(Role.ADMIN);
        if (agreement.suspended() == suspend) {
            return agreement; // suspended (or resumed) already: a retry changes nothing
        }
        if (!suspend && agreement.current().approvedByEveryParty()) {
            requireNoExclusivityClash(agreement);
        }
        Agreement after = audit.change(caller, suspend ? Action.AGREEMENT_SUSPEND : Action.AGREEMENT_RESUME, () -> {
            agreements.suspend(id, suspend);
            return agreements.byId(id).orElseThrow();
        }, a -> note(a, agreement.current().terms(), suspend ? "suspended" : "resumed" + (a.inForce() ? "; in force" : "")));
        entitlements.refresh(concerned(after, agreement.current().terms()));
        if (after.inForce() && !agreement.inForce()) {
            takeEffect(after);
        }
        return after;
    }

    /**
     * The skeleton's unilateral grant: a one-grant agreement whose only party is the licensor, in force at once. A
     * partner is not bound by terms it never approved, but it can receive what a licensor offers it. {@code id} names
     * the agreement as the client chose (else one is assigned): the same id with the same offer again is a retry and
     * returns the agreement as it is; another offer under a taken id is a conflict.
     */
    public synchronized Agreement offer(Caller caller, Optional<String> id, OrgId licensee, Set<ProductId> productIds) {
        OrgId licensor = caller.actingFor(Role.EDITOR);
        id.ifPresent(i -> Ids.requireUrlSafe("id", i));
        check.validateOffer(licensor, licensee, productIds);
        Terms terms = new Terms("Licence from " + licensor + " to " + licensee, Set.of(licensor), Validity.ALWAYS,
                List.of(new Grant(licensor, licensee, productIds, Territories.WORLDWIDE, Set.of(), Duration.ZERO, false)));
        check.validate(terms);
        if (id.isPresent()) {
            Optional<Agreement> existing = agreements.byId(id.get());
            if (existing.isPresent()) {
                if (existing.get().visibleTo(caller) && existing.get().current().number() == 1
                        && existing.get().current().terms().equals(terms)) {
                    return existing.get();
                }
                throw new Conflict("agreement id '" + id.get() + "' is taken");
            }
        }
        String chosen = id.orElseGet(() -> "lic-" + ids.next());
        Instant now = clock.instant();
        Agreement agreement = audit.change(caller, Action.LICENCE_OFFER, () -> {
            agreements.create(chosen, new AgreementVersion(1, terms, licensor, now, Set.of(licensor)));
            return agreements.byId(chosen).orElseThrow();
        }, a -> note(a, terms, "licensed " + names(productIds) + " to " + licensee));
        takeEffect(agreement);
        return agreement;
    }

    public Agreement read(Caller caller, String id) {
        return visible(caller, id);
    }

    public List<AgreementVersion> history(Caller caller, String id) {
        visible(caller, id);
        return agreements.versions(id);
    }

    public List<Agreement> mine(Caller caller) {
        return agreements.withParty(caller.actingFor(Role.PARTNER));
    }

    private void requireNoExclusivityClash(Agreement agreement) {
        List<Agreement> inForce = agreements.all().stream().filter(Agreement::inForce).toList();
        Exclusivity.clash(agreement, inForce).ifPresent(clash -> {
            throw new Conflict("agreement " + agreement.id() + " cannot take effect: " + clash);
        });
    }

    private void takeEffect(Agreement agreement) {
        entitlements.refresh(agreement.current().terms().orgs());
        Instant now = clock.instant();
        for (Grant g : agreement.current().terms().grants()) {
            Instant start = agreement.current().terms().validity().from().filter(now::isBefore).orElse(now);
            releases.licenceStarts(g.licensor(), g.products(), now.minus(BACKFILL), start);
        }
    }

    /**
     * What the audit trail says of a change to an agreement. It concerns every org the terms name, before and after
     * the change (parties, and the licensee of a licence shorthand, who is no party to it but receives under it).
     */
    private static Audit.Note note(Agreement after, Terms before, String summary) {
        return new Audit.Note(after.id(), summary, concerned(after, before));
    }

    /** Every org the terms name, before and after a change: whose licences, in force or on paper, it can alter. */
    private static Set<OrgId> concerned(Agreement after, Terms before) {
        Set<OrgId> concerns = new java.util.HashSet<>(after.current().terms().orgs());
        concerns.addAll(before.orgs());
        return concerns;
    }

    private static String names(Set<?> ids) {
        return ids.stream().map(Object::toString).sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** The agreement, if the caller may see it (see {@link Agreement#visibleTo}). */
    private Agreement visible(Caller caller, String id) {
        return agreements.byId(id).filter(a -> a.visibleTo(caller)).orElseThrow(() -> new NotFound("no agreement " + id));
    }

    private static OrgId draftingParty(Caller caller, Terms terms) {
        OrgId by = caller.actingFor(Role.EDITOR);
        if (!terms.parties().contains(by)) {
            throw new NotAllowed("only a party drafts or changes an agreement");
        }
        return by;
    }
}
