package ponte.core.coproduction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import ponte.core.Invalid;

/**
 * The legal framework whose share rules a project follows: the Council of Europe Convention on Cinematographic
 * Co-production (revised, 2017), article 9 (bilateral: no party below 10% or above 90%; multilateral: none below 5%
 * or above 80%), or a bilateral treaty with limits of its own.
 */
public enum Framework {
    COE_2017_BILATERAL("coe-2017-bilateral", Optional.of(new ShareRules(new BigDecimal(10), new BigDecimal(90)))),
    COE_2017_MULTILATERAL("coe-2017-multilateral", Optional.of(new ShareRules(new BigDecimal(5), new BigDecimal(80)))),
    TREATY("treaty", Optional.empty());

    private final String wire;
    private final Optional<ShareRules> rules;

    Framework(String wire, Optional<ShareRules> rules) {
        this.wire = wire;
        this.rules = rules;
    }

    public String wire() {
        return wire;
    }

    /** The limits the framework itself sets; a treaty's come with the project. */
    public Optional<ShareRules> ownRules() {
        return rules;
    }

    public static Framework fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(value)).findFirst().orElseThrow(() -> new Invalid("/framework",
                "framework must be one of " + Arrays.stream(values()).map(Framework::wire).collect(Collectors.joining(", "))));
    }
}
