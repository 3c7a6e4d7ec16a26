package ponte.web;

import java.time.Instant;
import java.util.Optional;
import ponte.core.accounts.Session;

/**
 * What every template gets besides its own values: the reader's language and messages, who is signed in, the CSRF
 * token its forms send back, and the page's title.
 */
public record Page(Messages messages, Optional<Session> session, String csrf, String title, String path, String back) {

    public String lang() {
        return messages.language();
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    public boolean signedIn() {
        return session.isPresent();
    }

    /** Whether the person may write and publish (editors and admins): the desk is theirs. */
    public boolean editor() {
        return session.map(s -> !s.user().operator() && s.user().role().includes(ponte.core.access.Role.EDITOR)).orElse(false);
    }

    /** Whether the person is an admin of the org: keys, people and invitations are theirs. */
    public boolean admin() {
        return session.map(s -> !s.user().operator() && s.user().role() == ponte.core.access.Role.ADMIN).orElse(false);
    }

    /** Whether this is the operator's account: it registers organisations and invites their first admin, and reads no content. */
    public boolean operator() {
        return session.map(s -> s.user().operator()).orElse(false);
    }

    /**
     * A refusal as the reader reads it: the message for the field it points at ({@code problem.<pointer>}, list
     * indices as {@code n}: {@code /media/0} is {@code problem.media.n}) in their language, else core's own English.
     */
    public String problem(ponte.core.Invalid.Violation v) {
        String key = "problem" + v.pointer().replaceAll("/\\d+", "/n").replace('/', '.');
        return messages.has(key) ? messages.t(key) : v.detail();
    }

    public Session user() {
        return session.orElseThrow();
    }

    /** A time for this reader: date and time in their language's medium form, in UTC (said on the page). */
    public String time(Instant instant) {
        return messages.dateTime().format(instant);
    }

    /** A day for this reader, in their language's medium form. */
    public String day(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(messages.locale()).format(day);
    }

    /** A count in this reader's digits and grouping. */
    public String number(long n) {
        if (n > -1000 && n < 1000) {
            return Long.toString(n); // no grouping below a thousand, and the four UI languages write Western digits
        }
        return java.text.NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }

    /** Whether the navigation link to {@code prefix} is the current page's section. */
    public boolean at(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The same page in another title, for a template that names its own. */
    public Page titled(String newTitle) {
        return new Page(messages, session, csrf, newTitle, path, back);
    }
}
