package ponte.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.access.Keys;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/** API keys, stored as SHA-256 digests: a key is 256 random bits, so a plain digest is enough (no password stretching needed). */
public final class JdbcKeys implements Keys {
    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random;

    public JdbcKeys(Database db, Clock clock, SecureRandom random) {
        this.jdbc = new Jdbc(db.dataSource());
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String issue(OrgId org, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        install(org, role, secret);
        return secret;
    }

    /** Installs a known secret (the demo network's printed keys); installing the same one again changes nothing. */
    public void install(OrgId org, Role role, String secret) {
        String digest = digest(secret);
        if (jdbc.one("select 1 from api_keys where digest = ?", rs -> 1, digest).isEmpty()) {
            jdbc.update("insert into api_keys (digest, org_id, role, created_at) values (?, ?, ?, ?)", digest, org.value(), role.wire(), clock.instant());
        }
    }

    @Override
    public Optional<Caller> authenticate(String secret) {
        return jdbc.one("select org_id, role from api_keys where digest = ?",
                rs -> new Caller.Member(new OrgId(rs.getString("org_id")), Role.fromWire(rs.getString("role"))), digest(secret));
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
