package ponte.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals an idempotent request's answer for the database, and opens it for a retry. Some answers carry secrets (an
 * issued API key, an endpoint's signing secret), and keys are otherwise stored only as digests: so the answer is
 * encrypted (AES-256-GCM) under a key derived from the caller's own API key and its Idempotency-Key (HMAC-SHA256),
 * which only the caller holds. A leaked table opens nothing; a retry with the same key opens its own answer.
 */
final class AnswerSeal {
    private static final int IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
    private static final int TAG_BITS = 128;
    private static final byte[] PURPOSE = "ponte idempotent answer v1\0".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random;

    AnswerSeal(SecureRandom random) {
        this.random = random;
    }

    byte[] seal(Answer answer, Authenticated by, String idempotencyKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, by, idempotencyKey, iv);
            byte[] sealed = aes.doFinal(serialize(answer));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The answer, or empty when this key cannot open it (it was sealed under another key: not this caller's answer). */
    Optional<Answer> open(byte[] sealed, Authenticated by, String idempotencyKey) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher aes = cipher(Cipher.DECRYPT_MODE, by, idempotencyKey, java.util.Arrays.copyOf(sealed, IV_BYTES));
            return Optional.of(deserialize(aes.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES)));
        } catch (GeneralSecurityException | IOException notThisCallers) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, Authenticated by, String idempotencyKey, byte[] iv) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(by.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        hmac.update(PURPOSE);
        byte[] key = hmac.doFinal(idempotencyKey.getBytes(StandardCharsets.US_ASCII));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return aes;
    }

    private static byte[] serialize(Answer answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(answer.body().length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(answer.status());
            out.writeShort(answer.headers().size());
            for (Answer.Header h : answer.headers()) {
                out.writeUTF(h.name());
                out.writeUTF(h.value());
            }
            out.writeInt(answer.body().length);
            out.write(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static Answer deserialize(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int status = in.readShort();
            int count = in.readShort();
            List<Answer.Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add(new Answer.Header(in.readUTF(), in.readUTF()));
            }
            return new Answer(status, headers, in.readNBytes(in.readInt()));
        }
    }
}
