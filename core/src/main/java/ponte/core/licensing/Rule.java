package ponte.core.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Territories;

/**
 * The entitlement rule for one licence, stated once: partner P may receive version V of item I iff the licence is
 * from an owner of I to P, covers one of V's products and V's language, allows some territory of P that V's rights
 * allow too, and now is inside the licence window and past the embargo plus the licence's embargo delay.
 */
final class Rule {
    private Rule() {}

    static Verdict weigh(Licence licence, Set<CountryCode> partnerTerritories, Item item, Version version, Instant now) {
        return weigh(licence, partnerTerritories, item, version, now, Optional.empty());
    }

    /** As above, for an item a co-production made: the licensor's partners receive it only within its party territories. */
    static Verdict weigh(Licence licence, Set<CountryCode> partnerTerritories, Item item, Version version, Instant now,
                         Optional<ProjectTerritories> project) {
        List<String> refusals = new ArrayList<>();
        if (!item.ownedBy(licence.licensor())) {
            refusals.add("licensor " + licence.licensor() + " does not own the item");
        }
        if (licence.validity().from().map(now::isBefore).orElse(false)) {
            refusals.add("licence not valid until " + licence.validity().from().get());
        }
        if (licence.validity().to().map(to -> !now.isBefore(to)).orElse(false)) {
            refusals.add("licence expired on " + licence.validity().to().get());
        }
        if (version.products().stream().noneMatch(licence.products()::contains)) {
            refusals.add("licence covers none of the item's products " + sorted(version.products()));
        }
        String language = version.content().language().orElse("");
        if (!Languages.covers(licence.languages(), language)) {
            refusals.add("language " + (language.isEmpty() ? "(none)" : language) + " not licensed (licensed: " + sorted(licence.languages()) + ")");
        }
        territoryRefusal(licence, partnerTerritories, version, project).ifPresent(refusals::add);
        Instant availableAt = availableAt(licence, item, version);
        if (now.isBefore(availableAt)) {
            refusals.add("embargoed until " + availableAt);
        }
        return new Verdict(licence, refusals);
    }

    /**
     * When this licence will grant the version, judged on everything but time: empty if it never will (wrong
     * product, language, territory, or it expires first).
     */
    static Optional<Instant> grantsFrom(Licence licence, Set<CountryCode> partnerTerritories, Item item, Version version, Instant now,
                                        Optional<ProjectTerritories> project) {
        Instant at = latest(now, availableAt(licence, item, version), licence.validity().from().orElse(now));
        boolean expiresFirst = licence.validity().to().map(to -> !at.isBefore(to)).orElse(false);
        if (expiresFirst || !weigh(licence, partnerTerritories, item, version, at, project).grants()) {
            return Optional.empty();
        }
        return Optional.of(at);
    }

    /** A set as a reason shows it: sorted, so the same licence reads the same on every run (Set.of's order is not). */
    private static String sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().toList().toString();
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }

    /** When the licensee may first have the item: after the embargo (or first publication) plus the licence's delay. */
    static Instant availableAt(Licence licence, Item item, Version version) {
        Instant release = version.content().embargoedUntil()
                .filter(e -> e.isAfter(item.firstCreated()))
                .orElse(item.firstCreated());
        return release.plus(licence.embargoDelay());
    }

    private static Optional<String> territoryRefusal(Licence licence, Set<CountryCode> partnerTerritories, Version version,
                                                     Optional<ProjectTerritories> project) {
        if (partnerTerritories.isEmpty()) {
            return Optional.of("partner has no territory");
        }
        Optional<Territories> party = project.map(p -> p.of(licence.licensor()).orElse(NOWHERE));
        List<String> reasons = new ArrayList<>();
        for (CountryCode c : partnerTerritories) {
            boolean byLicence = licence.territories().allows(c);
            boolean byItem = version.rights().allows(c);
            boolean byParty = party.map(t -> t.allows(c)).orElse(true);
            if (byLicence && byItem && byParty) {
                return Optional.empty();
            }
            if (!byLicence) {
                reasons.add("territory " + c + (licence.territories().exclude().contains(c) ? " excluded" : " not included") + " by the licence");
            } else if (!byItem) {
                reasons.add("territory " + c + (version.rights().exclude().contains(c) ? " excluded" : " not included") + " by the item's rights");
            } else {
                reasons.add("territory " + c + " is outside " + licence.licensor() + "'s territories in co-production "
                        + project.get().project() + " (" + party.get() + ")");
            }
        }
        return Optional.of(String.join("; ", reasons));
    }

    /** The territories of an owner that is no party of the project's approved plan: it carries the item nowhere. */
    static final Territories NOWHERE = new Territories(false, Set.of(), Set.of());
}
