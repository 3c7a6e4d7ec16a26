package ponte.formats;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Identifiers of foreign entries as ninjs uris (JSON Schema "format": "uri", an absolute RFC 3986 URI). */
final class Uris {
    private Uris() {}

    /**
     * The value as an absolute URI, with characters outside ASCII percent-encoded as UTF-8 (an IRI becomes its URI,
     * RFC 3987 section 3.1: IPTC's own package example uses an em dash in a residref); empty if it is not absolute.
     */
    static Optional<String> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        try {
            URI uri = new URI(out.toString());
            return uri.isAbsolute() ? Optional.of(out.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * An entry's uri from its guid: the guid itself when it is an absolute URI (Atom ids must be; many RSS guids are
     * URLs), else a urn made from the org and the guid, so that the same guid from the same org is the same item.
     */
    static String forGuid(String scope, String guid) {
        return absolute(guid).orElseGet(() -> "urn:ponte:guid:" + sha256(scope + "\n" + guid).substring(0, 32));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
