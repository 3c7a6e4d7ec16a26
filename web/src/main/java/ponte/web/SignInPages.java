package ponte.web;

import java.time.Duration;
import java.util.Optional;
import ponte.core.accounts.Accounts;

/** Signing in and out, and the language menu (which works before sign-in too). */
final class SignInPages implements Section {
    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final SessionCache sessions;

    SignInPages(Accounts accounts, SessionCache sessions, SignInThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    public void register(Pages pages) {
        pages.open("GET", "/app/sign-in", this::form)
                .open("POST", "/app/sign-in", this::signIn)
                .open("POST", "/app/sign-out", this::signOut)
                .open("POST", "/app/language", this::language);
    }

    private void form(Visit visit) {
        if (visit.session().isPresent()) {
            visit.redirect("/app/");
            return;
        }
        show(visit, 200, "", Optional.empty());
    }

    private void show(Visit visit, int status, String username, Optional<String> error) {
        Page page = visit.page(visit.messages().t("signin.title"));
        visit.render(status, "signin.jte", java.util.Map.of("page", page, "username", username, "error", error));
    }

    private void signIn(Visit visit) {
        String username = visit.field("username").orElse("");
        String password = visit.field("password").orElse("");
        if (!throttle.admit(username, visit.address())) {
            show(visit, 429, username, Optional.of("signin.throttled"));
            return;
        }
        Optional<Accounts.Opened> opened = accounts.signIn(username, password);
        if (opened.isEmpty()) {
            show(visit, 401, username, Optional.of("signin.failed"));
            return;
        }
        visit.cookie(Visit.SESSION_COOKIE, opened.get().token(), Accounts.LIFETIME);
        visit.forget(Visit.CSRF_COOKIE); // from now on the session holds the token forms send
        visit.redirect("/app/");
    }

    private void signOut(Visit visit) {
        visit.session().ifPresent(s -> {
            accounts.signOut(visit.sessionToken());
            sessions.forget(visit.sessionToken());
        });
        visit.forget(Visit.SESSION_COOKIE);
        visit.redirect("/app/sign-in");
    }

    private void language(Visit visit) {
        String chosen = visit.field("language").filter(Messages.LANGUAGES::contains).orElse("en");
        visit.cookie(Visit.LANGUAGE_COOKIE, chosen, Duration.ofDays(365));
        // Back to the page the menu was on; only a path of this site, never a url someone else put in the form.
        String back = visit.field("back").filter(b -> b.matches("/app/[A-Za-z0-9/_.~-]*(\\?[A-Za-z0-9_.~%&=+,:-]*)?")).orElse("/app/");
        visit.redirect(back);
    }
}
