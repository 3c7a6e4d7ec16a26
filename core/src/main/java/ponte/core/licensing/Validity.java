package ponte.core.licensing;

import java.time.Instant;
import java.util.Optional;
import ponte.core.Invalid;

/** A half-open window [from, to) in which a licence may be used; either end may be open. */
public record Validity(Optional<Instant> from, Optional<Instant> to) {
    public static final Validity ALWAYS = new Validity(Optional.empty(), Optional.empty());

    public Validity {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new Invalid("/validTo", "validTo must be after validFrom");
        }
    }

    public boolean contains(Instant t) {
        return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(t::isBefore).orElse(true);
    }

    public boolean overlaps(Validity other) {
        Instant aFrom = from.orElse(Instant.MIN);
        Instant bFrom = other.from.orElse(Instant.MIN);
        Instant aTo = to.orElse(Instant.MAX);
        Instant bTo = other.to.orElse(Instant.MAX);
        return aFrom.isBefore(bTo) && bFrom.isBefore(aTo);
    }
}
