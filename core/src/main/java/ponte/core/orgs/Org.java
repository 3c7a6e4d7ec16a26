package ponte.core.orgs;

import java.util.Objects;
import ponte.core.Invalid;

public record Org(OrgId id, String name, OrgKind kind, CountryCode country) {
    public Org {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(country);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Invalid("/name", "name must be 1-200 characters");
        }
    }
}
