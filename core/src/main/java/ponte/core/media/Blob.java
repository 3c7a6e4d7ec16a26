package ponte.core.media;

import java.util.Objects;
import java.util.regex.Pattern;

/** Stored bytes, named by their SHA-256 (lower-case hex): the same bytes are stored once, whoever uploads them. */
public record Blob(String sha256, long size) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Blob {
        Objects.requireNonNull(sha256);
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
