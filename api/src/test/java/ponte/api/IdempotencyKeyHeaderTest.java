package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header as sent: a Structured Field string (the draft's form) or a bare key, 1 to 255 printable ASCII. */
class IdempotencyKeyHeaderTest {
    @Test
    void aStructuredFieldStringIsUnquotedAndItsEscapesUndone() {
        assertThat(Idempotency.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(Idempotency.parse(List.of("\"say \\\"hi\\\" \\\\ bye\""))).isEqualTo("say \"hi\" \\ bye");
    }

    @Test
    void aBareKeyIsTakenAsItIs() {
        assertThat(Idempotency.parse(List.of(" order-2026-05-01/7 "))).isEqualTo("order-2026-05-01/7");
        assertThat(Idempotency.parse(List.of("~".repeat(255)))).hasSize(255);
    }

    @Test
    void anythingElseIsMalformed() {
        for (String bad : List.of("", "\"\"", "x".repeat(256), "naïve", "tab\there", "bell\u0007", "del\u007f", "键")) {
            assertThatThrownBy(() -> Idempotency.parse(List.of(bad))).as(bad).isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status).isEqualTo(400));
        }
        assertThatThrownBy(() -> Idempotency.parse(List.of("a", "b"))).isInstanceOf(HttpError.class);
    }
}
