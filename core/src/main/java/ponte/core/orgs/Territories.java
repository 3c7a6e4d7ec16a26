package ponte.core.orgs;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where something may be used: everywhere or a list of countries, minus exclusions. Exclusion wins, as in
 * every rights clause we have read ("worldwide excluding Japan").
 */
public record Territories(boolean everywhere, Set<CountryCode> include, Set<CountryCode> exclude) {
    public static final Territories WORLDWIDE = new Territories(true, Set.of(), Set.of());

    public Territories {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    public static Territories of(Set<String> include, Set<String> exclude) {
        boolean everywhere = include.contains("*");
        return new Territories(everywhere,
                include.stream().filter(c -> !c.equals("*")).map(CountryCode::of).collect(Collectors.toSet()),
                exclude.stream().map(CountryCode::of).collect(Collectors.toSet()));
    }

    public boolean allows(CountryCode country) {
        return !exclude.contains(country) && (everywhere || include.contains(country));
    }

    /** Whether some country is allowed by both. */
    public boolean overlaps(Territories other) {
        return CountryCode.all().stream().map(CountryCode::of).anyMatch(c -> allows(c) && other.allows(c));
    }

    /** The include list as written on the wire: {@code ["*"]} for everywhere. */
    public Set<String> includeWire() {
        return everywhere ? Set.of("*") : include.stream().map(CountryCode::value).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> excludeWire() {
        return exclude.stream().map(CountryCode::value).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        String base = everywhere ? "worldwide" : String.join(", ", includeWire());
        return exclude.isEmpty() ? base : base + " excluding " + String.join(", ", excludeWire());
    }
}
