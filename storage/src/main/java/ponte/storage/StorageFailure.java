package ponte.storage;

import java.sql.SQLException;

/** The database failed (not the caller's input): the HTTP edge answers 503 and nothing was acknowledged. */
public final class StorageFailure extends RuntimeException {
    public StorageFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
