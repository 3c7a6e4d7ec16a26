package ponte.core;

import java.time.Clock;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Rules for URL-safe identifiers, and the generator of assigned ones. */
public final class Ids {
    /** Client-chosen ids (orgs, products, agreements) and assigned ones share this alphabet: safe in a URL path segment. */
    public static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    // Crockford's base32: no I, L, O, U, so ids survive being read aloud over the phone to a support desk.
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final int TIME_CHARACTERS = 10; // 50 bits of milliseconds: until the year 37,648
    private static final int ORDERED_LENGTH = 20;

    private final RandomGenerator random;
    private final Clock clock;

    public Ids(RandomGenerator random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Ids from the system clock (where no test clock is wired). */
    public Ids(RandomGenerator random) {
        this(random, Clock.systemUTC());
    }

    /** A new id of 16 base32 characters (80 random bits). */
    public String next() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /**
     * A new id of 20 base32 characters that sorts by when it was made: 10 characters of the clock's milliseconds, then
     * 10 random (50 bits). Items key the largest tables (items, versions with their documents, owners, routes by item);
     * random keys put each new item on its own page of every one of those B-trees, so a commit of 256 items rewrote
     * hundreds of pages per index, and an index as large as the log stays hot. Ids in creation order land on the rightmost
     * pages, which a group commit writes once. Ids made in the same millisecond differ by their 50 random bits (a
     * collision needs two of them alike: at 3,000 items a second, about once in ten thousand years).
     */
    public String nextInOrder() {
        char[] out = new char[ORDERED_LENGTH];
        long millis = clock.millis();
        for (int i = TIME_CHARACTERS - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = TIME_CHARACTERS; i < out.length; i++) {
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
