package ponte.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.IssuedKey;
import ponte.core.access.KeyId;
import ponte.core.access.NewKey;
import ponte.core.access.Role;
import ponte.core.accounts.Accounts;
import ponte.core.accounts.Inviting;
import ponte.core.accounts.UserId;
import ponte.core.agreements.Dealings;
import ponte.core.onboarding.Onboarding;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.products.Product;
import ponte.core.products.ProductId;

/**
 * An org's admin at work: keys for machines (issued, labelled, revoked; a secret shown once), people (invited, a
 * reset link, their sessions ended), and inviting a new partner organisation; and the invitee's side of it: the
 * one-time link, a password, the licences offered, a partner key and the first feed.
 */
public final class AdminPages implements Section {
    private final Accounts accounts;
    private final Inviting inviting;
    private final Onboarding onboarding;
    private final Dealings dealings;
    private final Consumer<KeyId> forgetKey;
    private final SessionCache sessions;
    private final Optional<ponte.core.accounts.Mailer> mailer;

    /**
     * @param forgetKey tells the API's key cache of a revoked key, so this node refuses it at once
     * @param mailer    the SMTP sender of links, when the operator configured one: a link is then also emailed to the
     *                  address the admin gives; without one it is only shown
     */
    public AdminPages(Accounts accounts, SessionCache sessions, Inviting inviting, Onboarding onboarding, Dealings dealings,
                      Consumer<KeyId> forgetKey, Optional<ponte.core.accounts.Mailer> mailer) {
        this.mailer = mailer;
        this.sessions = sessions;
        this.accounts = accounts;
        this.inviting = inviting;
        this.onboarding = onboarding;
        this.dealings = dealings;
        this.forgetKey = forgetKey;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/admin/keys", v -> keys(v, Optional.empty()))
                .post("/app/admin/keys", this::issueKey)
                .post("/app/admin/keys/{id}/revoke", this::revokeKey)
                .get("/app/admin/users", v -> users(v, Optional.empty()))
                .post("/app/admin/users", this::invitePerson)
                .post("/app/admin/users/{id}/reset", this::reset)
                .post("/app/admin/users/{id}/end-sessions", this::endSessions)
                .get("/app/admin/invite", v -> inviteForm(v, 200, Map.of(), List.of()))
                .post("/app/admin/invite", this::invitePartner)
                .open("GET", "/app/welcome/{token}", this::welcomeForm)
                .open("POST", "/app/welcome/{token}", this::redeem)
                .get("/app/welcome", this::welcome);
    }

    private OrgId own(Visit visit) {
        return visit.caller().actingFor(Role.ADMIN);
    }

    private void keys(Visit visit, Optional<IssuedKey> issued) {
        OrgId org = own(visit);
        visit.render(200, "admin-keys.jte", Map.of("page", visit.page(visit.messages().t("admin.keys")), "keys",
                onboarding.keys(visit.caller(), org, Optional.empty(), 500), "issued", issued));
    }

    /** Issues a key; its secret is in this one answer and nowhere else (the page is not cached: no-store). */
    private void issueKey(Visit visit) {
        OrgId org = own(visit);
        Role role = Role.fromWire(visit.field("role").orElse("partner"));
        Optional<String> label = visit.field("label").map(String::strip).filter(l -> !l.isEmpty());
        IssuedKey issued = onboarding.issueKey(visit.caller(), new NewKey(org, role, label, Optional.empty()));
        if (visit.field("welcome").isPresent()) {
            welcome(visit, Optional.of(issued));
            return;
        }
        keys(visit, Optional.of(issued));
    }

    private void revokeKey(Visit visit) {
        OrgId org = own(visit);
        KeyId id;
        try {
            id = new KeyId(visit.param("id"));
        } catch (Invalid e) {
            throw new NotFound("no such key");
        }
        onboarding.revokeKey(visit.caller(), org, id);
        forgetKey.accept(id);
        visit.redirect("/app/admin/keys");
    }

    private void users(Visit visit, Optional<String> link) {
        users(visit, link, Optional.empty());
    }

    private void users(Visit visit, Optional<String> link, Optional<String> mailed) {
        OrgId org = own(visit);
        visit.render(200, "admin-users.jte", Map.of("page", visit.page(visit.messages().t("admin.users")), "users",
                accounts.of(visit.caller(), org), "link", link, "mail", mailer.isPresent(), "mailed", mailed));
    }

    private void invitePerson(Visit visit) {
        OrgId org = own(visit);
        String token = accounts.invite(visit.caller(), org, visit.field("username").orElse("").strip(),
                Role.fromWire(visit.field("role").orElse("editor")));
        String link = url(visit, token);
        users(visit, Optional.of(link), mailed(visit, link, "invite"));
    }

    private void reset(Visit visit) {
        OrgId org = own(visit);
        String link = url(visit, accounts.resetLink(visit.caller(), org, new UserId(visit.param("id"))));
        users(visit, Optional.of(link), mailed(visit, link, "reset"));
    }

    /**
     * Emails a link when the node has a mail server and the admin gave an address: what became of it, said beside the
     * link, which is shown all the same (a refused address or a server that is down loses nothing).
     */
    private Optional<String> mailed(Visit visit, String link, String purpose) {
        Optional<String> to = visit.field("email").map(String::strip).filter(e -> !e.isEmpty());
        if (mailer.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Messages m = visit.messages();
        try {
            mailer.get().send(to.get(), m.t("mail." + purpose + ".subject"), m.t("mail." + purpose + ".body", link));
            return Optional.of(m.t("mail.sent", to.get()));
        } catch (Invalid | ponte.core.accounts.Mailer.NotSent e) {
            LOG.warn("the {} link was not emailed to {}: {}", purpose, to.get(), e.getMessage());
            return Optional.of(m.t("mail.notSent", to.get()));
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminPages.class);

    private void endSessions(Visit visit) {
        UserId user = new UserId(visit.param("id"));
        accounts.endSessions(visit.caller(), own(visit), user);
        sessions.forget(user);
        visit.redirect("/app/admin/users");
    }

    /** The link as the person will open it: this site's address, as the browser reached it. */
    private static String url(Visit visit, String token) {
        return (visit.secure() ? "https" : "http") + "://" + visit.header("Host") + "/app/welcome/" + token;
    }

    /** Who may invite: an org's admin, or the operator (signed in to the operator's account), who offers no products. */
    private static boolean byOperator(Visit visit) {
        return visit.caller() instanceof ponte.core.access.Caller.Operator;
    }

    private void inviteForm(Visit visit, int status, Map<String, String> values, List<Invalid.Violation> problems) {
        List<Product> products = byOperator(visit) ? List.of()
                : dealings.products(visit.caller()).stream().filter(p -> p.owner().equals(own(visit))).toList();
        visit.render(status, "admin-invite.jte", Map.of("page", visit.page(visit.messages().t("admin.invite")), "products", products,
                "values", values, "problems", problems, "invited", Optional.empty(), "link", "", "mail", mailer.isPresent(), "mailed", Optional.empty()));
    }

    private void invitePartner(Visit visit) {
        if (!byOperator(visit)) {
            own(visit);
        }
        Map<String, String> values = Map.of("id", visit.field("id").orElse("").strip(), "name", visit.field("name").orElse("").strip(),
                "kind", visit.field("kind").orElse("broadcaster"), "country", visit.field("country").orElse("").strip(), "email", visit.field("email").orElse("").strip());
        try {
            Org org = new Org(new OrgId(values.get("id")), values.get("name"), OrgKind.fromWire(values.get("kind")),
                    CountryCode.of(values.get("country").toUpperCase(java.util.Locale.ROOT)));
            Inviting.Invited invited = inviting.invite(visit.caller(), org,
                    visit.fields("products").stream().map(ProductId::new).collect(Collectors.toSet()));
            String link = url(visit, invited.token());
            visit.render(200, "admin-invite.jte", Map.of("page", visit.page(visit.messages().t("admin.invite")), "products", List.of(),
                    "values", values, "problems", List.of(), "invited", Optional.of(invited), "link", link, "mail", mailer.isPresent(),
                    "mailed", mailed(visit, link, "invite")));
        } catch (Invalid e) {
            inviteForm(visit, 422, values, e.violations());
        }
    }

    private void welcomeForm(Visit visit) {
        var link = accounts.link(visit.param("token")).orElseThrow(() -> new NotFound("this link is used, expired or unknown"));
        visit.render(200, "welcome-password.jte", Map.of("page", visit.page(visit.messages().t("welcome.title")), "link", link,
                "token", visit.param("token"), "problem", Optional.empty()));
    }

    private void redeem(Visit visit) {
        String token = visit.param("token");
        var link = accounts.link(token).orElseThrow(() -> new NotFound("this link is used, expired or unknown"));
        String password = visit.field("password").orElse("");
        if (!password.equals(visit.field("confirm").orElse(""))) {
            visit.render(422, "welcome-password.jte", Map.of("page", visit.page(visit.messages().t("welcome.title")), "link", link,
                    "token", token, "problem", Optional.of("welcome.mismatch")));
            return;
        }
        try {
            Accounts.Opened opened = accounts.redeem(token, password);
            sessions.forget(opened.session().user().id()); // a reset ended the account's other sessions
            visit.cookie(Visit.SESSION_COOKIE, opened.token(), Accounts.LIFETIME);
            visit.forget(Visit.CSRF_COOKIE);
            visit.redirect(link.purpose() == ponte.core.accounts.Link.Purpose.INVITE ? "/app/welcome" : "/app/");
        } catch (Invalid e) {
            visit.render(422, "welcome-password.jte", Map.of("page", visit.page(visit.messages().t("welcome.title")), "link", link,
                    "token", token, "problem", Optional.of("welcome.tooShort")));
        }
    }

    private void welcome(Visit visit) {
        welcome(visit, Optional.empty());
    }

    /** The new org's first page: the licences offered to it, a partner key, and the way to its first feed. */
    private void welcome(Visit visit, Optional<IssuedKey> issued) {
        visit.render(200, "welcome.jte", Map.of("page", visit.page(visit.messages().t("welcome.title")), "held",
                dealings.licences(visit.caller()), "org", visit.caller().memberOf().orElseThrow(), "issued", issued));
    }
}
