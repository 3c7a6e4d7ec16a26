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
    /**
     * Checked when a user name is unknown, so an unknown name takes as long to refuse as a wrong password. Made on first
     * need, not at start: a hash costs tens of milliseconds and most starts never refuse a name.
     */
    private volatile String decoy;

    /** How long an invitation or reset link works. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);

    private final Links links;

    public Accounts(Users users, Sessions sessions, Passwords passwords, Links links, Orgs orgs, Clock clock, RandomGenerator random, Ids ids) {
        this.links = links;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.orgs = orgs;
        this.clock = clock;
        this.random = random;
        this.ids = ids;
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = passwords.hash(token());
            decoy = made; // two threads may both make one the first time: either does
        }
        return made;
    }

    /** A new session when the password is the account's; empty otherwise, the same for an unknown name. */
    public Optional<Opened> signIn(String username, String password) {
        Optional<User> user = users.byUsername(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElseGet(this::decoy);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || !matches) {
            return Optional.empty();
        }
        return Optional.of(open(user.get()));
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

    /** Who a session acts as: a member of its account's org with its role, from the client's address, named in the audit trail. */
    public static Caller caller(Session session, Optional<String> address) {
        User user = session.user();
        return user.org().<Caller>map(org -> new Caller.Member(org, user.role(), Optional.empty(), address, Optional.of(user.username())))
                .orElseGet(() -> new Caller.Operator(address));
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

    /**
     * As {@link #install}, with the password hashed already by the caller ({@link #hash}): the demo's passwords are
     * public and the same on every load, so a process that loads the demo on many nodes hashes each once.
     */
    public User installHashed(OrgId org, String username, Role role, String passwordHash) {
        return users.byUsername(username).orElseGet(() -> addHashed(org, username, role, passwordHash));
    }

    /** The password's hash as accounts store it, for {@link #installHashed}. */
    public String hash(String password) {
        return passwords.hash(requirePassword(password));
    }

    /**
     * The operator's own account, of no org, with the bootstrap admin key as its password: made when missing, its
     * password set again (and its sessions ended) when the key changed; the node does this at start when told the name.
     */
    public User operator(String username, String adminKey) {
        Optional<User> existing = users.byUsername(User.requireUsername(username));
        if (existing.isPresent() && !existing.get().operator()) {
            throw new Conflict("the user name " + username + " is an organisation's account, not the operator's");
        }
        if (existing.isEmpty()) {
            User user = new User(new UserId(ids.next()), Optional.empty(), Role.ADMIN, username, clock.instant());
            if (!users.add(user, passwords.hash(requirePassword(adminKey)))) {
                throw new Conflict("the user name " + username + " is taken");
            }
            return user;
        }
        User user = existing.get();
        if (!passwords.matches(adminKey, users.passwordHash(user.id()).orElseGet(this::decoy))) {
            users.setPassword(user.id(), passwords.hash(requirePassword(adminKey)));
            sessions.endAll(user.id());
        }
        return user;
    }

    private User add(OrgId org, String username, Role role, String password) {
        return addHashed(org, username, role, passwords.hash(requirePassword(password)));
    }

    private User addHashed(OrgId org, String username, Role role, String passwordHash) {
        User user = new User(new UserId(ids.next()), org, role, User.requireUsername(username), clock.instant());
        if (!users.add(user, passwordHash)) {
            throw new Conflict("the user name " + username + " is taken");
        }
        return user;
    }

    /**
     * A one-time link for a new account of the org (its admin, or the operator, invites someone): the token, to be
     * shown once to whoever invites, who passes it on. The account exists once the link is used.
     */
    public String invite(Caller caller, OrgId org, String username, Role role) {
        requireAdministers(caller, org);
        User.requireUsername(username);
        if (users.byUsername(username).isPresent()) {
            throw new Conflict("the user name " + username + " is taken");
        }
        return link(new Link(Link.Purpose.INVITE, org, username, role, clock.instant(), clock.instant().plus(LINK_LIFETIME)));
    }

    /** A one-time link to set a new password for one of the org's accounts: its admin's way to help someone locked out. */
    public String resetLink(Caller caller, OrgId org, UserId id) {
        requireAdministers(caller, org);
        User user = users.byId(id).filter(u -> u.org().equals(Optional.of(org))).orElseThrow(() -> new NotFound("no such user"));
        return link(new Link(Link.Purpose.RESET, org, user.username(), user.role(), clock.instant(), clock.instant().plus(LINK_LIFETIME)));
    }

    private String link(Link link) {
        String token = token();
        links.add(KeyId.sha256Hex(token), link);
        return token;
    }

    /** What a link is for, while it may still be used; empty for a used, expired or unknown one. */
    public Optional<Link> link(String token) {
        Instant now = clock.instant();
        return token == null || token.isEmpty() ? Optional.empty() : links.unused(KeyId.sha256Hex(token)).filter(l -> now.isBefore(l.expiresAt()));
    }

    /**
     * Uses a link: sets the password (of the new account, for an invitation; ending every session of the existing one,
     * for a reset) and signs the person in.
     */
    public Opened redeem(String token, String password) {
        Link link = link(token).orElseThrow(() -> new NotFound("this link is used, expired or unknown"));
        requirePassword(password);
        if (!links.use(KeyId.sha256Hex(token), clock.instant())) {
            throw new NotFound("this link is used, expired or unknown");
        }
        User user = switch (link.purpose()) {
            case INVITE -> add(link.org(), link.username(), link.role(), password);
            case RESET -> {
                User existing = users.byUsername(link.username()).orElseThrow(() -> new NotFound("no such user"));
                users.setPassword(existing.id(), passwords.hash(password));
                sessions.endAll(existing.id());
                yield existing;
            }
        };
        return open(user);
    }

    private Opened open(User user) {
        String token = token();
        Instant now = clock.instant();
        Session session = new Session(user, token(), now, now.plus(LIFETIME));
        sessions.open(KeyId.sha256Hex(token), user.id(), session.csrf(), now, session.expiresAt());
        return new Opened(token, session);
    }

    /** The org's accounts, for its admin. */
    public List<User> of(Caller caller, OrgId org) {
        requireAdministers(caller, org);
        return users.of(org);
    }

    /** Ends every session of an account of the org: its admin's way to sign someone out everywhere. */
    public int endSessions(Caller caller, OrgId org, UserId id) {
        requireAdministers(caller, org);
        User user = users.byId(id).filter(u -> u.org().equals(Optional.of(org))).orElseThrow(() -> new NotFound("no such user"));
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
