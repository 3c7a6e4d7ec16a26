package ponte.core;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Rules for URL-safe identifiers, and the generator of assigned ones. */
public final class Ids {
    /** Client-chosen ids (orgs, products, agreements) and assigned ones share this alphabet: safe in a URL path segment. */
    public static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    // Crockford's base32: no I, L, O, U, so ids survive being read aloud over the phone to a support desk.
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final RandomGenerator random;

    public Ids(RandomGenerator random) {
        this.random = random;
    }

    /** A new id of 16 base32 characters (80 random bits). */
    public String next() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public static String requireUrlSafe(String what, String value) {
        if (value == null || !URL_SAFE.matcher(value).matches()) {
            throw new Invalid("/" + what, what + " must be 1-64 URL-safe characters (letters, digits, . _ ~ -), starting with a letter or digit");
        }
        return value;
    }
}
