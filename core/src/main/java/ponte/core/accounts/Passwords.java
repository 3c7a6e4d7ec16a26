package ponte.core.accounts;

/** Port: a slow, salted password hash (Argon2id in the web adapter), so a leaked table does not give passwords away. */
public interface Passwords {
    /** A new salted hash of the password, in a self-describing text form (algorithm and parameters inside). */
    String hash(String password);

    /** Whether the password is the one {@code hash} was made from. */
    boolean matches(String password, String hash);
}
