package ponte.core.licensing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.orgs.Territories;

/**
 * Permission for a licensee to receive a licensor's items of some products, in some territories and languages,
 * within a window, some delay after release. Licences come from the grants of active agreements.
 */
public record Licence(
        LicenceId id,
        Optional<String> agreement,
        OrgId licensor,
        OrgId licensee,
        Set<ProductId> products,
        Territories territories,
        Set<String> languages,
        Duration embargoDelay,
        Validity validity) {

    public Licence {
        Objects.requireNonNull(id);
        Objects.requireNonNull(licensor);
        Objects.requireNonNull(licensee);
        products = Set.copyOf(products);
        languages = languages.stream().map(Languages::normalise).collect(Collectors.toUnmodifiableSet());
        requireSound(licensor, licensee, products, embargoDelay);
    }

    /**
     * The longest embargo delay a licence may have. News waits minutes or hours; a year is already more than any
     * partner waits, and a bound keeps every release time a licence books (a version's time plus the delay) a time.
     */
    public static final Duration MAX_EMBARGO_DELAY = Duration.ofDays(366);

    /** The rules every licence and every grant obey. */
    public static void requireSound(OrgId licensor, OrgId licensee, Set<ProductId> products, Duration embargoDelay) {
        if (products.isEmpty()) {
            throw new Invalid("/products", "a licence covers at least one product");
        }
        if (licensor.equals(licensee)) {
            throw new Invalid("/licensee", "an org does not license to itself");
        }
        if (embargoDelay.isNegative() || embargoDelay.compareTo(MAX_EMBARGO_DELAY) > 0) {
            throw new Invalid("/embargoDelay", "embargoDelay must be from PT0S to P366D");
        }
    }

    /** The skeleton's minimal licence: these products, everywhere, every language, from now on. */
    public static Licence unrestricted(LicenceId id, OrgId licensor, OrgId licensee, Set<ProductId> products) {
        return new Licence(id, Optional.empty(), licensor, licensee, products, Territories.WORLDWIDE, Set.of(), Duration.ZERO, Validity.ALWAYS);
    }
}
