package ponte.storage;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.access.IssuedKey;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.access.KeyPosition;
import ponte.core.access.Keys;
import ponte.core.access.NewKey;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/** API keys, stored as SHA-256 digests: a key is 256 random bits, so a plain digest is enough (no password stretching needed). */
public final class JdbcKeys implements Keys {
    private static final String COLUMNS = "id, org_id, role, label, created_at, last_used_at, expires_at";

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random;

    public JdbcKeys(Database db, Clock clock, SecureRandom random) {
        this.jdbc = new Jdbc(db);
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedKey issue(NewKey terms) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Key key = new Key(KeyId.of(secret), terms.org(), terms.role(), terms.label(), clock.instant(), Optional.empty(), terms.expiresAt());
        insert(key, secret);
        return new IssuedKey(key, secret);
    }

    /** Installs a known secret (the demo network's printed keys); installing the same one again changes nothing. */
    public void install(OrgId org, Role role, String secret) {
        if (jdbc.one("select 1 from api_keys where digest = ?", rs -> 1, KeyId.sha256Hex(secret)).isEmpty()) {
            insert(new Key(KeyId.of(secret), org, role, Optional.empty(), clock.instant(), Optional.empty(), Optional.empty()), secret);
        }
    }

    private void insert(Key key, String secret) {
        jdbc.update("insert into api_keys (digest, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", KeyId.sha256Hex(secret),
                key.id().value(), key.org().value(), key.role().wire(), key.label(), key.createdAt(), key.lastUsedAt(), key.expiresAt());
    }

    @Override
    public Optional<Key> bySecret(String secret) {
        return jdbc.one("select " + COLUMNS + " from api_keys where digest = ?", JdbcKeys::key, KeyId.sha256Hex(secret));
    }

    @Override
    public List<Key> of(OrgId org, Optional<KeyPosition> after, int limit) {
        if (after.isEmpty()) {
            return jdbc.query("select " + COLUMNS + " from api_keys where org_id = ? order by created_at, id fetch first " + limit + " rows only",
                    JdbcKeys::key, org.value());
        }
        KeyPosition p = after.get();
        return jdbc.query("select " + COLUMNS + " from api_keys where org_id = ? and (created_at > ? or created_at = ? and id > ?)"
                        + " order by created_at, id fetch first " + limit + " rows only",
                JdbcKeys::key, org.value(), p.createdAt(), p.createdAt(), p.id().value());
    }

    @Override
    public boolean revoke(OrgId org, KeyId id) {
        return jdbc.update("delete from api_keys where org_id = ? and id = ?", org.value(), id.value()) == 1;
    }

    @Override
    public void used(Map<KeyId, Instant> lastUses) {
        if (lastUses.isEmpty()) {
            return;
        }
        // One batch for all: this runs every few seconds off the request path, never once per request.
        jdbc.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")) {
                for (Map.Entry<KeyId, Instant> use : lastUses.entrySet()) {
                    Jdbc.bind(ps, use.getValue(), use.getKey().value(), use.getValue());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(new KeyId(rs.getString("id")), new OrgId(rs.getString("org_id")), Role.fromWire(rs.getString("role")),
                Optional.ofNullable(rs.getString("label")), Jdbc.instant(rs, "created_at"), Jdbc.maybeInstant(rs, "last_used_at"),
                Jdbc.maybeInstant(rs, "expires_at"));
    }
}
