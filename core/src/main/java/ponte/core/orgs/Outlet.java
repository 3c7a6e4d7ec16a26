package ponte.core.orgs;

import java.util.Objects;
import ponte.core.Invalid;

/** A station, platform or publication through which an org reaches a country; its country is one of the org's territories. */
public record Outlet(String id, OrgId org, String name, OutletKind kind, CountryCode country) {
    public Outlet {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(country);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Invalid("/name", "name must be 1-200 characters");
        }
    }
}
