package ponte.core.coproduction;

import java.math.BigDecimal;
import java.util.Objects;
import ponte.core.Invalid;

/** The least and the most share, in percent, any one party may hold. */
public record ShareRules(BigDecimal minShare, BigDecimal maxShare) {
    public ShareRules {
        Objects.requireNonNull(minShare);
        Objects.requireNonNull(maxShare);
        if (minShare.signum() < 0 || maxShare.compareTo(Party.HUNDRED) > 0) {
            throw new Invalid("/rules", "minShare and maxShare are percentages from 0 to 100");
        }
        if (minShare.compareTo(maxShare) > 0) {
            throw new Invalid("/rules/minShare", "minShare " + minShare.toPlainString() + " is above maxShare " + maxShare.toPlainString());
        }
    }
}
