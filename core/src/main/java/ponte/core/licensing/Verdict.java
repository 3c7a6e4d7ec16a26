package ponte.core.licensing;

import java.util.List;

/** One licence weighed for one partner and item version: it grants when there is no refusal. */
public record Verdict(Licence licence, List<String> refusals) {
    public Verdict {
        refusals = List.copyOf(refusals);
    }

    public boolean grants() {
        return refusals.isEmpty();
    }
}
