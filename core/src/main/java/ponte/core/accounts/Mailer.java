package ponte.core.accounts;

/**
 * Port: sends a plain-text email, for the one-time links of invitations and password resets when the operator gave the
 * node an SMTP server. Without one the node sends nothing: the link is shown to the admin who made it, who passes it on.
 */
public interface Mailer {
    /**
     * Sends {@code text} to {@code to}; refuses an address that is not one with {@link ponte.core.Invalid} at
     * {@code /email}, and says a server that would not take it with {@link NotSent}.
     */
    void send(String to, String subject, String text);

    /** The server did not take the message (unreachable, refused, timed out): the link still works, shown instead. */
    final class NotSent extends RuntimeException {
        public NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
