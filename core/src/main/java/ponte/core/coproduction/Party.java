package ponte.core.coproduction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/**
 * One organisation in a co-production: its function, its share in percent, and the territories where its own network
 * distributes what the project releases (the others' partners elsewhere).
 */
public record Party(OrgId org, Function function, BigDecimal share, Territories territories) {
    static final BigDecimal HUNDRED = new BigDecimal(100);

    public enum Function {
        LEAD("lead"), CO_PRODUCER("co-producer");

        private final String wire;

        Function(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Function fromWire(String at, String value) {
            return Arrays.stream(values()).filter(f -> f.wire.equals(value)).findFirst()
                    .orElseThrow(() -> new Invalid(at, "function must be 'lead' or 'co-producer'"));
        }
    }

    public Party {
        Objects.requireNonNull(org);
        Objects.requireNonNull(function);
        Objects.requireNonNull(share);
        Objects.requireNonNull(territories);
        share = share.stripTrailingZeros();
    }
}
