package ponte.storage;

import java.security.SecureRandom;
import java.util.Base64;

/** Shared secrets by name, made at first use (the first node to ask stores one; the others read it). */
public final class SigningKeys {
    private final Jdbc jdbc;
    private final SecureRandom random;

    public SigningKeys(Database db, SecureRandom random) {
        this.jdbc = new Jdbc(db);
        this.random = random;
    }

    /** The secret of this name: 256 random bits, the same on every node of the database. */
    public byte[] secret(String name) {
        return jdbc.one("select secret from signing_keys where name = ?", rs -> rs.getString(1), name).map(Base64.getDecoder()::decode)
                .orElseGet(() -> make(name));
    }

    private byte[] make(String name) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        try {
            jdbc.update("insert into signing_keys (name, secret) values (?, ?)", name, Base64.getEncoder().encodeToString(secret));
            return secret;
        } catch (StorageFailure raced) {
            // another node stored one first: use its
            return jdbc.one("select secret from signing_keys where name = ?", rs -> rs.getString(1), name).map(Base64.getDecoder()::decode)
                    .orElseThrow(() -> raced);
        }
    }
}
