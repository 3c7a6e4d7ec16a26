package ponte.core.orgs;

import ponte.core.Ids;

public record OrgId(String value) implements Comparable<OrgId> {
    public OrgId {
        Ids.requireUrlSafe("id", value);
    }

    @Override
    public int compareTo(OrgId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
