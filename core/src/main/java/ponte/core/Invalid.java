package ponte.core;

import java.util.List;

/** Well-formed input that breaks a rule; each violation names the offending field by JSON Pointer. */
public final class Invalid extends PonteException {
    public record Violation(String pointer, String detail) {}

    private final List<Violation> violations;

    public Invalid(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.getFirst().detail());
        this.violations = List.copyOf(violations);
    }

    public Invalid(String pointer, String detail) {
        this(List.of(new Violation(pointer, detail)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
