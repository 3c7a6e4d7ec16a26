package ponte.core.agreements;

import java.util.List;
import java.util.Optional;
import ponte.core.licensing.Languages;
import ponte.core.licensing.Validity;

/**
 * An exclusive grant promises a licensee that nobody else gets the same products in the same territories,
 * languages and time. Two grants clash when one of them is exclusive and they overlap in all four for different
 * licensees of the same licensor.
 */
final class Exclusivity {
    private Exclusivity() {}

    /** The first clash between the agreement's grants and the grants of agreements in force, described. */
    static Optional<String> clash(Agreement candidate, List<Agreement> inForce) {
        Validity window = candidate.current().terms().validity();
        for (Grant mine : candidate.current().terms().grants()) {
            for (Agreement other : inForce) {
                if (other.id().equals(candidate.id())) {
                    continue;
                }
                for (Grant theirs : other.current().terms().grants()) {
                    if ((mine.exclusive() || theirs.exclusive()) && overlap(mine, window, theirs, other.current().terms().validity())) {
                        return Optional.of("the grant to " + mine.licensee() + " overlaps " + (theirs.exclusive() ? "the exclusive grant" : "a grant")
                                + " to " + theirs.licensee() + " in agreement " + other.id() + " (same products, territories, languages and time)");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean overlap(Grant a, Validity aWindow, Grant b, Validity bWindow) {
        return a.licensor().equals(b.licensor())
                && !a.licensee().equals(b.licensee())
                && a.products().stream().anyMatch(b.products()::contains)
                && a.territories().overlaps(b.territories())
                && Languages.overlap(a.languages(), b.languages())
                && aWindow.overlaps(bWindow);
    }
}
