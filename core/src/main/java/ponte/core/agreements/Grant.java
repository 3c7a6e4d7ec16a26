package ponte.core.agreements;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.licensing.Languages;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Territories;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** One clause of an agreement: what a licensor grants a licensee. */
public record Grant(
        OrgId licensor,
        OrgId licensee,
        Set<ProductId> products,
        Territories territories,
        Set<String> languages,
        Duration embargoDelay,
        boolean exclusive) {

    public Grant {
        Objects.requireNonNull(licensor);
        Objects.requireNonNull(licensee);
        products = Set.copyOf(products);
        Objects.requireNonNull(territories);
        languages = languages.stream().map(Languages::normalise).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(embargoDelay);
        Licence.requireSound(licensor, licensee, products, embargoDelay);
    }
}
