package ponte.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo accounts' password hashes, shipped made (resource {@code demo/password-hashes.properties}): the passwords
 * are the public demo keys, and forty-five Argon2 hashes were more than half of the CPU a demo start spent.
 */
final class DemoPasswordHashes {
    private static final Properties SHIPPED = read();

    private DemoPasswordHashes() {}

    /** The shipped hash of this demo user's password, if the file has one. */
    static Optional<String> of(String username) {
        return Optional.ofNullable(SHIPPED.getProperty(username));
    }

    private static Properties read() {
        Properties hashes = new Properties();
        try (InputStream in = DemoPasswordHashes.class.getResourceAsStream("demo/password-hashes.properties")) {
            if (in != null) {
                hashes.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }
}
