package ponte.core.reach;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.items.ItemId;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;

/**
 * A partner's report that it used a version of an item on one of its outlets, as kept: the outlet's country is the
 * country the use counts in. {@code id} is the partner's own, unique among its reports: a retry under it is the same
 * report.
 */
public record UsageReport(OrgId org, String id, ItemId item, int version, String outlet, CountryCode country, UsageKind usage,
                          Instant at, Optional<Long> audience, Instant receivedAt) {
    public static final int MAX_ID = 128;

    public UsageReport {
        Objects.requireNonNull(org);
        Objects.requireNonNull(item);
        Objects.requireNonNull(outlet);
        Objects.requireNonNull(country);
        Objects.requireNonNull(usage);
        Objects.requireNonNull(at);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(receivedAt);
        requireId(id, "/id");
    }

    /** A partner's own id of a report (usage, conversions): what a retry is known by. */
    public static void requireId(String id, String pointer) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID || !id.matches("[A-Za-z0-9._~:-]+")) {
            throw new Invalid(pointer, "id must be 1-" + MAX_ID + " URL-safe characters (letters, digits, . _ ~ : -)");
        }
    }

    /** This report as if it named {@code other}'s version: a retry that names none means the version the first one had. */
    UsageReport atVersionOf(UsageReport other) {
        return new UsageReport(org, id, item, other.version, outlet, country, usage, at, audience, receivedAt);
    }

    /** Whether this is the same report as {@code other}, whenever each was received. */
    public boolean sameAs(UsageReport other) {
        return org.equals(other.org) && id.equals(other.id) && item.equals(other.item) && version == other.version
                && outlet.equals(other.outlet) && usage == other.usage && at.equals(other.at) && audience.equals(other.audience);
    }
}
