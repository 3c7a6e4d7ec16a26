package ponte.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.accounts.Accounts;
import ponte.core.accounts.Session;

/**
 * The web UI as one Jetty handler, placed before the API's: it answers {@code /}, {@code /app/…} and {@code /assets/…}
 * and declines every other path, which the API then answers. Every answer carries the security headers; every POST
 * must carry the visit's CSRF token and come from this site.
 */
public final class WebUi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);
    /**
     * Scripts, styles and everything else only from the node itself, no inline script or style, no framing, forms
     * posted only here. htmx is configured (in the page's meta) to add no inline style and to evaluate nothing.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final SessionCache sessions;
    private final Function<Request, String> addresses;
    private final TemplateEngine templates;
    private final Map<String, Messages> bundles = Messages.load();
    private final Assets assets = new Assets();
    private final Pages pages = new Pages();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param addresses who the client is (behind the node's trusted proxies), as the API judges it
     * @param sections  the UI's parts, each with its pages
     */
    public WebUi(Accounts accounts, SessionCache sessions, Function<Request, String> addresses, List<Section> sections) {
        this.sessions = sessions;
        this.addresses = addresses;
        this.templates = TemplateEngine.createPrecompiled(null, ContentType.Html, WebUi.class.getClassLoader(), "ponte.web.templates");
        new SignInPages(accounts, sessions, new SignInThrottle()).register(pages);
        new HomePage().register(pages);
        sections.forEach(s -> s.register(pages));
    }

    /** Whether a path is the UI's: the API and the operator's paths never are. */
    public static boolean ours(String path) {
        return path.equals("/") || path.equals("/app") || path.startsWith("/app/") || path.startsWith("/assets/");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!ours(path)) {
            return false;
        }
        headers(response);
        Optional<String> token = cookie(request, Visit.SESSION_COOKIE);
        Optional<Session> session = token.flatMap(sessions::session);
        Messages messages = bundles.get(Language.choose(cookie(request, Visit.LANGUAGE_COOKIE), request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
        String csrf;
        Optional<String> newCsrf = Optional.empty();
        if (session.isPresent()) {
            csrf = session.get().csrf();
        } else {
            Optional<String> pre = cookie(request, Visit.CSRF_COOKIE).filter(v -> v.length() == 43);
            csrf = pre.orElseGet(this::token);
            newCsrf = pre.isPresent() ? Optional.empty() : Optional.of(csrf);
        }
        Optional<Pages.Match> match = pages.find(request.getMethod(), path);
        Visit visit = new Visit(request, response, callback, templates, messages, session, csrf, addresses.apply(request),
                match.map(Pages.Match::params).orElse(Map.of()));
        newCsrf.ifPresent(v -> visit.cookie(Visit.CSRF_COOKIE, v, Duration.ofHours(12)));
        if (token.isPresent() && session.isEmpty()) {
            visit.forget(Visit.SESSION_COOKIE); // ended or expired: the browser need not send it again
        }
        try {
            dispatch(visit, path, match);
        } catch (Throwable failure) {
            if (visit.answered()) {
                if (!visit.streamed()) {
                    callback.failed(failure);
                }
            } else {
                error(visit, failure);
            }
        }
        return true;
    }

    private void dispatch(Visit visit, String path, Optional<Pages.Match> match) throws Exception {
        if (path.startsWith("/assets/")) {
            Optional<Assets.Asset> asset = "GET".equals(visit.method()) ? assets.named(path.substring("/assets/".length())) : Optional.empty();
            if (asset.isEmpty()) {
                throw new NotFound("no asset " + path);
            }
            visit.bytes(200, asset.get().contentType(), asset.get().bytes(), "public, max-age=3600");
            return;
        }
        if (path.equals("/") || path.equals("/app")) {
            visit.redirect(visit.session().isPresent() ? "/app/" : "/app/sign-in");
            return;
        }
        if (match.isEmpty()) {
            throw pages.anyAt(path) ? new Refused(405) : new NotFound("no page " + path);
        }
        if (!"GET".equals(visit.method()) && !"HEAD".equals(visit.method())) {
            if (!sameSite(visit) || !visit.carriesCsrf()) {
                throw new Refused(403);
            }
        }
        if (match.get().route().signedIn() && visit.session().isEmpty()) {
            visit.redirect("/app/sign-in");
            return;
        }
        match.get().route().handler().handle(visit);
    }

    /** A form posted from another site is refused even before its token is compared (browsers send these headers). */
    private static boolean sameSite(Visit visit) {
        String site = visit.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = visit.header("Origin");
        String host = visit.header("Host");
        return origin == null || host == null || origin.endsWith("://" + host);
    }

    private void error(Visit visit, Throwable failure) {
        int status = switch (failure) {
            case NotFound n -> 404;
            case NotAllowed n -> 403;
            case Invalid n -> 422;
            case Conflict n -> 409;
            case Refused r -> r.status;
            default -> 500;
        };
        if (status == 500) {
            LOG.error("page {} failed", visit.path(), failure);
        }
        // A refusal of what was sent says what to change, in the reader's language where the bundles know the field.
        List<Invalid.Violation> problems = failure instanceof Invalid invalid ? invalid.violations() : List.of();
        visit.render(status, "error.jte", Map.of("page", visit.page(visit.messages().t("error." + status)), "status", status,
                "problems", problems));
    }

    private static void headers(Response response) {
        var h = response.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "same-origin");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private static Optional<String> cookie(Request request, String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A refusal of the request itself: 403 for a missing or wrong CSRF token, 405 for a method the page has not. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("refused with " + status, null, false, false);
            this.status = status;
        }
    }
}
