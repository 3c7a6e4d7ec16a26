package ponte.web;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import ponte.core.accounts.Passwords;

/**
 * Argon2id through password4j, with OWASP's minimum parameters (19 MiB of memory, 2 passes, 1 lane): about 30 ms a
 * hash here, slow for an attacker with a stolen table, quick enough for a person signing in. The hash string carries
 * its parameters, so stronger ones can be chosen later without breaking stored hashes.
 */
public final class Argon2Passwords implements Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException notArgon2) {
            return false; // a stored value that is no Argon2 hash opens nothing
        }
    }
}
