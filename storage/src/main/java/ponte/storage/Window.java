package ponte.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A time window's conditions on a column: at or after {@code from}, before {@code to}; either may be open. */
final class Window {
    private Window() {}

    static void append(StringBuilder where, List<Object> params, String column, Optional<Instant> from, Optional<Instant> to) {
        from.ifPresent(f -> {
            where.append(" and ").append(column).append(" >= ?");
            params.add(f);
        });
        to.ifPresent(t -> {
            where.append(" and ").append(column).append(" < ?");
            params.add(t);
        });
    }
}
