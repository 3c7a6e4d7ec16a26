package ponte.storage;

import java.time.Instant;
import java.util.Optional;
import ponte.core.access.IdempotencyKeys;
import ponte.core.access.IdempotentRequest;

/**
 * Idempotency keys in the shared database. The claim is an insert that does nothing when the key is taken, committed
 * at once, so on PostgreSQL two nodes claiming one key together get one grant between them (the second insert waits
 * for the first's commit, then finds the row).
 */
public final class JdbcIdempotencyKeys implements IdempotencyKeys {
    private record Row(String fingerprint, Instant createdAt, Integer status, byte[] answer) {}

    private final Jdbc jdbc;

    public JdbcIdempotencyKeys(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Claim claim(IdempotentRequest request, Instant now, Instant abandonedBefore) {
        while (true) {
            int inserted = jdbc.update("insert into idempotency_keys (key_id, idempotency_key, fingerprint, created_at) values (?, ?, ?, ?)"
                    + " on conflict do nothing", request.keyId(), request.idempotencyKey(), request.fingerprint(), now);
            if (inserted == 1) {
                return new Granted();
            }
            Optional<Row> found = jdbc.one("select fingerprint, created_at, status, answer from idempotency_keys"
                    + " where key_id = ? and idempotency_key = ?", rs -> new Row(rs.getString("fingerprint"), Jdbc.instant(rs, "created_at"),
                    (Integer) rs.getObject("status"), rs.getBytes("answer")), request.keyId(), request.idempotencyKey());
            if (found.isEmpty()) {
                continue; // released or pruned between the two statements: claim again
            }
            Row row = found.get();
            if (!row.fingerprint().equals(request.fingerprint())) {
                return new Mismatch();
            }
            if (row.status() != null) {
                return new Answered(row.status(), row.answer());
            }
            if (row.createdAt().isBefore(abandonedBefore) && takeOver(request, row.createdAt(), now)) {
                return new Granted();
            }
            return new InFlight();
        }
    }

    /** The claim of a node that died mid-request, taken by whoever first finds it abandoned. */
    private boolean takeOver(IdempotentRequest request, Instant claimedAt, Instant now) {
        return jdbc.update("update idempotency_keys set created_at = ? where key_id = ? and idempotency_key = ? and status is null"
                + " and created_at = ?", now, request.keyId(), request.idempotencyKey(), claimedAt) == 1;
    }

    @Override
    public void answer(IdempotentRequest request, int status, byte[] sealed) {
        jdbc.update("update idempotency_keys set status = ?, answer = ? where key_id = ? and idempotency_key = ? and status is null",
                status, sealed, request.keyId(), request.idempotencyKey());
    }

    @Override
    public void release(IdempotentRequest request) {
        jdbc.update("delete from idempotency_keys where key_id = ? and idempotency_key = ? and status is null",
                request.keyId(), request.idempotencyKey());
    }

    @Override
    public int forget(Instant cutoff) {
        return jdbc.update("delete from idempotency_keys where created_at < ?", cutoff);
    }
}
