package ponte.outbound;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.accounts.Mailer;

/**
 * Sends the one-time links of invitations and password resets through the SMTP server the operator names, as
 * {@code smtp://[user:password@]host[:port]?from=ponte@example.org} (STARTTLS whenever the server offers it; add
 * {@code &starttls=required} to insist) or {@code smtps://…} (TLS from the start, RFC 8314). One connection per
 * message: links are few, and nothing is kept open to a server that may go away.
 */
public final class SmtpMailer implements Mailer {
    /** Connecting, and each read and write, give up after this long: an admin's page waits for the send. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Session session;
    private final InternetAddress from;
    private final Optional<String> user;
    private final Optional<String> password;

    private SmtpMailer(Session session, InternetAddress from, Optional<String> user, Optional<String> password) {
        this.session = session;
        this.from = from;
        this.user = user;
        this.password = password;
    }

    /** The sender the URL describes; a URL it cannot use is refused with why (the node does not start). */
    public static SmtpMailer of(String url) {
        URI uri = URI.create(url.strip());
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("the SMTP URL is smtp://host:port?from=… or smtps://host:port?from=…, not " + scheme + "://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the SMTP URL names no host");
        }
        Map<String, String> query = Arrays.stream(Optional.ofNullable(uri.getRawQuery()).orElse("").split("&")).filter(p -> p.contains("="))
                .collect(Collectors.toMap(p -> p.substring(0, p.indexOf('=')), p -> decode(p.substring(p.indexOf('=') + 1)), (a, b) -> b));
        InternetAddress from;
        try {
            from = new InternetAddress(Optional.ofNullable(query.get("from")).orElseThrow(
                    () -> new IllegalArgumentException("the SMTP URL says whom mail is from: ?from=ponte@example.org")), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the SMTP URL's from= is not an email address: " + e.getMessage());
        }
        Properties p = new Properties();
        String prefix = "mail." + scheme + ".";
        p.put("mail.transport.protocol", scheme);
        p.put(prefix + "host", uri.getHost());
        p.put(prefix + "port", String.valueOf(uri.getPort() > 0 ? uri.getPort() : scheme.equals("smtps") ? 465 : 587));
        p.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put(prefix + "starttls.enable", "true");
        p.put(prefix + "starttls.required", String.valueOf("required".equals(query.get("starttls"))));
        Optional<String> user = Optional.ofNullable(uri.getRawUserInfo()).map(u -> decode(u.contains(":") ? u.substring(0, u.indexOf(':')) : u));
        Optional<String> password = Optional.ofNullable(uri.getRawUserInfo()).filter(u -> u.contains(":")).map(u -> decode(u.substring(u.indexOf(':') + 1)));
        p.put(prefix + "auth", String.valueOf(user.isPresent()));
        return new SmtpMailer(Session.getInstance(p), from, user, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void send(String to, String subject, String text) {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new Invalid("/email", "'" + to + "' is not an email address");
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new java.util.Date());
            if (user.isPresent()) {
                Transport.send(message, user.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new NotSent("the mail server did not take the message: " + e.getMessage(), e);
        }
    }
}
