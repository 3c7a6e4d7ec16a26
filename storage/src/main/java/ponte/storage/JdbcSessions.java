package ponte.storage;

import java.time.Instant;
import java.util.Optional;
import ponte.core.accounts.Session;
import ponte.core.accounts.Sessions;
import ponte.core.accounts.UserId;

/** Server-side sessions, read with their account in one query (a role changed since sign-in applies at once). */
public final class JdbcSessions implements Sessions {
    private final Jdbc jdbc;

    public JdbcSessions(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void open(String digest, UserId user, String csrf, Instant createdAt, Instant expiresAt) {
        jdbc.transaction(c -> {
            // The account's expired sessions go as it opens a new one, so the table holds about one row per active person.
            Jdbc.update(c, "delete from sessions where user_id = ? and expires_at <= ?", user.value(), createdAt);
            return Jdbc.update(c, "insert into sessions (digest, user_id, csrf, created_at, expires_at) values (?, ?, ?, ?, ?)",
                    digest, user.value(), csrf, createdAt, expiresAt);
        });
    }

    @Override
    public Optional<Session> byDigest(String digest) {
        return jdbc.one("select " + JdbcUsers.COLUMNS + ", s.csrf, s.created_at as session_at, s.expires_at"
                        + " from sessions s join users u on u.id = s.user_id where s.digest = ?",
                rs -> new Session(JdbcUsers.user(rs), rs.getString("csrf"), Jdbc.instant(rs, "session_at"), Jdbc.instant(rs, "expires_at")),
                digest);
    }

    @Override
    public void end(String digest) {
        jdbc.update("delete from sessions where digest = ?", digest);
    }

    @Override
    public int endAll(UserId user) {
        return jdbc.update("delete from sessions where user_id = ?", user.value());
    }
}
