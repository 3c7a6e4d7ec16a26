package ponte.core.coproduction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;

/**
 * What one version of a co-production says: its title, the agreement it is made under, the framework whose share
 * rules bind it, the parties with their shares and territories, its languages and deliverables. A plan that breaks
 * its framework's rules cannot be made: each refusal points at the share at fault and names the org and the limit.
 *
 * @param rules a treaty's own limits; the Council of Europe's frameworks bring theirs
 */
public record Plan(String title, String agreement, Framework framework, Optional<ShareRules> rules, List<Party> parties,
                   List<String> languages, List<Deliverable> deliverables) {

    public Plan {
        Objects.requireNonNull(agreement);
        Objects.requireNonNull(framework);
        Objects.requireNonNull(rules);
        parties = List.copyOf(parties);
        languages = List.copyOf(languages);
        deliverables = List.copyOf(deliverables);
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new Invalid("/title", "title must be 1-500 characters");
        }
        if (framework == Framework.TREATY && rules.isEmpty()) {
            throw new Invalid("/rules", "a treaty co-production states its treaty's minShare and maxShare in rules");
        }
        if (framework != Framework.TREATY && rules.isPresent()) {
            throw new Invalid("/rules", framework.wire() + " sets its own share limits; rules are for a treaty's");
        }
        requireParties(framework, parties);
        requireShares(framework, rules.or(framework::ownRules).orElseThrow(), parties);
    }

    /** The limits the shares obey: the framework's, or the treaty's. */
    public ShareRules shareRules() {
        return rules.or(framework::ownRules).orElseThrow();
    }

    public Set<OrgId> orgs() {
        return parties.stream().map(Party::org).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Party> party(OrgId org) {
        return parties.stream().filter(p -> p.org().equals(org)).findFirst();
    }

    private static void requireParties(Framework framework, List<Party> parties) {
        if (parties.size() < 2) {
            throw new Invalid("/parties", "a co-production has at least two parties");
        }
        if (framework == Framework.COE_2017_BILATERAL && parties.size() != 2) {
            throw new Invalid("/parties", "a bilateral co-production has exactly two parties; with more, use coe-2017-multilateral");
        }
        if (framework == Framework.COE_2017_MULTILATERAL && parties.size() < 3) {
            throw new Invalid("/parties", "a multilateral co-production has at least three parties; with two, use coe-2017-bilateral");
        }
        Set<OrgId> seen = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            if (!seen.add(parties.get(i).org())) {
                throw new Invalid("/parties/" + i + "/org", parties.get(i).org() + " is named twice");
            }
        }
        if (parties.stream().filter(p -> p.function() == Party.Function.LEAD).count() != 1) {
            throw new Invalid("/parties", "exactly one party is the lead");
        }
    }

    private static void requireShares(Framework framework, ShareRules limits, List<Party> parties) {
        List<Invalid.Violation> violations = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        String under = framework == Framework.TREATY ? "the treaty" : framework.wire();
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            sum = sum.add(p.share());
            if (p.share().compareTo(limits.minShare()) < 0) {
                violations.add(new Invalid.Violation("/parties/" + i + "/share", p.org() + "'s share of " + p.share().toPlainString()
                        + "% is below the minimum of " + limits.minShare().toPlainString() + "% under " + under));
            } else if (p.share().compareTo(limits.maxShare()) > 0) {
                violations.add(new Invalid.Violation("/parties/" + i + "/share", p.org() + "'s share of " + p.share().toPlainString()
                        + "% is above the maximum of " + limits.maxShare().toPlainString() + "% under " + under));
            }
        }
        if (violations.isEmpty() && sum.compareTo(Party.HUNDRED) != 0) {
            violations.add(new Invalid.Violation("/parties", "the shares add up to " + sum.toPlainString() + "%, not 100%"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }
}
