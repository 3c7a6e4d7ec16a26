package ponte.core.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.NotAllowed;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * Signing people in and out, and the accounts an org's admin manages. A session becomes the {@link Caller} of its
 * account's org and role ({@link #caller}), the same caller a key of that org and role is: pages reach every other use
 * case, and the entitlement gate, exactly as the API does.
 */
public final class Accounts {
    /** A session ends by itself this long after sign-in (a working day and a half), whatever happens before. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** NIST SP 800-63B asks for at least 8 characters and no composition rules; the demo's keys are longer. */
    public static final int MIN_PASSWORD = 8;

    /** A session just opened: its token goes into the cookie and is shown nowhere else. */
    public record Opened(String token, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session.user().username() + "]"; // never the token
        }
    }

    private final Users users;
    private final Sessions sessions;
    private final Passwords passwords;
    private final Orgs orgs;
    private final Clock clock;
    private final RandomGenerator random;
    private final Ids ids;
    /** Checked when a user name is unknown, so an unknown name takes as long to refuse as a wrong password. */
    private final String decoy;

    public Accounts(Users users, Sessions sessions, Passwords passwords, Orgs orgs, Clock clock, RandomGenerator random, Ids ids) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.orgs = orgs;
        this.clock = clock;
        this.random = random;
        this.ids = ids;
        this.decoy = passwords.hash(token());
    }

    /** A new session when the password is the account's; empty otherwise, the same for an unknown name. */
    public Optional<Opened> signIn(String username, String password) {
        Optional<User> user = users.byUsername(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(decoy);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || !matches) {
            return Optional.empty();
        }
        String token = token();
        Instant now = clock.instant();
        Session session = new Session(user.get(), token(), now, now.plus(LIFETIME));
        sessions.open(KeyId.sha256Hex(token), user.get().id(), session.csrf(), now, session.expiresAt());
        return Optional.of(new Opened(token, session));
    }

    /** The session this cookie's token opens, if it has not ended or expired. */
    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.byDigest(KeyId.sha256Hex(token)).filter(s -> !s.expiredAt(now));
    }

    public void signOut(String token) {
        sessions.end(KeyId.sha256Hex(token));
    }

    /** Who a session acts as: a member of its account's org with its role, from the client's address. */
    public static Caller caller(Session session, Optional<String> address) {
        return new Caller.Member(session.user().org(), session.user().role(), Optional.empty(), address);
    }

    /** Adds an account to the org: its admin or the operator may. */
    public User add(Caller caller, OrgId org, String username, Role role, String password) {
        requireAdministers(caller, org);
        return add(org, username, role, password);
    }

    /**
     * The account the node installs for itself (the demo's {@code <org>-<role>} users), when it is not there yet; an
     * existing account is left as it is.
     */
    public User install(OrgId org, String username, Role role, String password) {
        return users.byUsername(username).orElseGet(() -> add(org, username, role, password));
    }

    private User add(OrgId org, String username, Role role, String password) {
        User user = new User(new UserId(ids.next()), org, role, User.requireUsername(username), clock.instant());
        if (!users.add(user, passwords.hash(requirePassword(password)))) {
            throw new Conflict("the user name " + username + " is taken");
        }
        return user;
    }

    /** The org's accounts, for its admin. */
    public List<User> of(Caller caller, OrgId org) {
        requireAdministers(caller, org);
        return users.of(org);
    }

    /** Ends every session of an account of the org: its admin's way to sign someone out everywhere. */
    public int endSessions(Caller caller, OrgId org, UserId id) {
        requireAdministers(caller, org);
        User user = users.byId(id).filter(u -> u.org().equals(org)).orElseThrow(() -> new NotFound("no such user"));
        return sessions.endAll(user.id());
    }

    private void requireAdministers(Caller caller, OrgId org) {
        if (!caller.administers(org)) {
            throw new NotAllowed("only the org's admin manages its users");
        }
        if (orgs.byId(org).isEmpty()) {
            throw new NotFound("no such org");
        }
    }

    static String requirePassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new Invalid("/password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }

    /** 256 random bits, URL-safe: a session token or a CSRF token. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
