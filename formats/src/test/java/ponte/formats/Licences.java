package ponte.formats;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.licensing.Licence;
import ponte.core.licensing.LicenceId;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** {@code aLicence().from("italpress").to("cgtn").in(Territories.of(Set.of("*"), Set.of("JP"))).build()}. */
final class Licences {
    private String id = "lic-1";
    private String licensor = "italpress";
    private String licensee = "cgtn";
    private Set<ProductId> products = Set.of(new ProductId("it-news"));
    private Territories territories = Territories.WORLDWIDE;
    private Set<String> languages = Set.of();
    private Duration embargoDelay = Duration.ZERO;
    private Validity validity = Validity.ALWAYS;

    private Licences() {}

    static Licences aLicence() {
        return new Licences();
    }

    Licences withId(String id) {
        this.id = id;
        return this;
    }

    Licences from(String licensor) {
        this.licensor = licensor;
        return this;
    }

    Licences to(String licensee) {
        this.licensee = licensee;
        return this;
    }

    Licences forProducts(String... ids) {
        products = Arrays.stream(ids).map(ProductId::new).collect(Collectors.toSet());
        return this;
    }

    Licences in(Territories territories) {
        this.territories = territories;
        return this;
    }

    Licences inLanguages(String... ranges) {
        languages = Set.of(ranges);
        return this;
    }

    Licences withEmbargoDelay(Duration delay) {
        embargoDelay = delay;
        return this;
    }

    Licences valid(Optional<Instant> from, Optional<Instant> to) {
        validity = new Validity(from, to);
        return this;
    }

    Licences validUntil(String rfc3339) {
        return valid(Optional.empty(), Optional.of(Instant.parse(rfc3339)));
    }

    Licence build() {
        return new Licence(new LicenceId(id), Optional.empty(), new OrgId(licensor), new OrgId(licensee), products, territories, languages, embargoDelay, validity);
    }
}
