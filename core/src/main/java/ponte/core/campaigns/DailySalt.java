package ponte.core.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Counts unique visitors without knowing them: SHA-256 of a salt, the address and the user agent. The salt is random,
 * made for each UTC day, held only in this node's memory and replaced when the day changes, so yesterday's hashes can
 * no longer be recomputed from an address, by anyone. Several nodes hold several salts: a visitor who reaches two
 * nodes in one day counts twice (an upper bound, stated in docs/operations.md).
 */
public final class DailySalt {
    private record Salt(LocalDate day, byte[] bytes) {}

    private final Clock clock;
    private final RandomGenerator random;
    private volatile Salt salt;

    public DailySalt(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public String visitor(String address, String userAgent) {
        Salt today = today();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(today.bytes());
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(userAgent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Salt today() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Salt current = salt;
        if (current == null || !current.day().equals(day)) {
            synchronized (this) {
                if (salt == null || !salt.day().equals(day)) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    salt = new Salt(day, bytes);
                }
                current = salt;
            }
        }
        return current;
    }
}
