package ponte.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {
    private final Argon2Passwords passwords = new Argon2Passwords();

    @Test
    void aPasswordMatchesItsArgon2idHashAndNoOther() {
        String hash = passwords.hash("demo-italpress-editor");

        assertThat(hash).startsWith("$argon2id$").doesNotContain("demo-italpress-editor");
        assertThat(passwords.matches("demo-italpress-editor", hash)).isTrue();
        assertThat(passwords.matches("demo-italpress-admin", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(passwords.hash("correct horse")).isNotEqualTo(passwords.hash("correct horse"));
    }

    @Test
    void somethingThatIsNoHashOpensNothing() {
        assertThat(passwords.matches("anything", "not-a-hash")).isFalse();
    }
}
