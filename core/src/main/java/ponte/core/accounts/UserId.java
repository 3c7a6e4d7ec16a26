package ponte.core.accounts;

import java.util.Objects;

/** A user account's assigned id. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
