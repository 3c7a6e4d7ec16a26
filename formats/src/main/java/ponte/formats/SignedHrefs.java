package ponte.formats;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rendition links a partner can follow without a key until they expire: {@code ?org=&expires=&sig=} appended to the
 * href of each of Ponte's renditions in what the partner receives, {@code sig} being HMAC-SHA256 over the media, the
 * rendition, the partner org and the expiry, under a key every node shares. A playout system or a webhook receiver
 * fetches the bytes with the link alone; the download still asks the entitlement gate, as that org, every time, so a
 * kill or an ended licence closes every link at once.
 */
public final class SignedHrefs {
    private static final String MEDIA = Renditions.MEDIA_PATH;
    private static final String RENDITIONS = "/renditions/";

    private final SecretKeySpec key;
    private final long lifetime;

    /** @param lifetime how long a link works at least (at most twice as long: links are made per window of this length) */
    public SignedHrefs(byte[] secret, java.time.Duration lifetime) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a link signing key has at least 256 bits");
        }
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("links live at least a second");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.lifetime = lifetime.toSeconds();
    }

    /**
     * The window {@code now} falls in: links made in one window are the same bytes (renderings are cached per window)
     * and expire at the end of the next, so each works between one and two lifetimes.
     */
    public long window(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), lifetime);
    }

    /** When links made in this window expire. */
    public Instant expiry(long window) {
        return Instant.ofEpochSecond((window + 2) * lifetime);
    }

    /** Signs, in place, the href of each of Ponte's renditions for {@code partner}, valid until {@code expires}. */
    public ObjectNode sign(ObjectNode ninjs, OrgId partner, Instant expires) {
        JsonNode renditions = ninjs.get("renditions");
        if (!(renditions instanceof ArrayNode list)) {
            return ninjs;
        }
        for (JsonNode r : list) {
            String href = r.path("href").asString("");
            int media = href.indexOf(MEDIA);
            int name = href.indexOf(RENDITIONS, media + 1);
            if (media < 0 || name < 0 || href.indexOf('?') >= 0 || !(r instanceof ObjectNode rendition)) {
                continue;
            }
            String mediaId = href.substring(media + MEDIA.length(), name);
            String renditionName = href.substring(name + RENDITIONS.length());
            long at = expires.getEpochSecond();
            rendition.put("href", href + "?org=" + partner.value() + "&expires=" + at + "&sig=" + signature(mediaId, renditionName, partner.value(), at));
        }
        return ninjs;
    }

    /**
     * The org a link was signed for, if its signature is Ponte's and it has not expired; empty for a link altered in any
     * part, expired, or malformed.
     */
    public Optional<OrgId> verify(String mediaId, String rendition, String org, String expires, String sig, Instant now) {
        try {
            long at = Long.parseLong(expires);
            byte[] sent = Base64.getUrlDecoder().decode(sig);
            byte[] expected = Base64.getUrlDecoder().decode(signature(mediaId, rendition, org, at));
            if (!MessageDigest.isEqual(sent, expected) || now.getEpochSecond() >= at) {
                return Optional.empty();
            }
            return Optional.of(new OrgId(org));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String signature(String mediaId, String rendition, String org, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Fields joined by a character none of them may contain (ids and names are URL-safe, org ids too).
            byte[] digest = mac.doFinal((mediaId + "\n" + rendition + "\n" + org + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
