package ponte.api;

import java.nio.charset.StandardCharsets;
import ponte.core.NotFound;

/**
 * /problems/{slug}: what each problem type Ponte answers with means and what to do about it, as a page for people. The
 * {@code type} of every problem+json answer leads here; no key is needed to read it.
 */
public final class ProblemsResource implements Resource {
    @Override
    public void register(Routes routes) {
        routes.add("GET", "/problems/{slug}", this::page);
    }

    private void page(Exchange x) {
        ProblemTypes.Type type = ProblemTypes.bySlug(x.path("slug"))
                .orElseThrow(() -> new NotFound("no problem type " + x.path("slug")));
        x.header("Cache-Control", "public, max-age=86400");
        x.send(200, "text/html", page(type).getBytes(StandardCharsets.UTF_8));
    }

    static String page(ProblemTypes.Type type) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s — Ponte problem</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body>
                <main>
                <h1>%1$s</h1>
                <p>Problem type <code>%2$s%3$s</code>, answered with HTTP status <strong>%4$d</strong> as
                <code>application/problem+json</code> (RFC 9457).</p>
                <h2>What it means</h2>
                <p>%5$s</p>
                <h2>What to do</h2>
                <p>%6$s</p>
                <p>The answer's <code>detail</code> says what was wrong with this request; a validation problem lists
                each member or parameter in <code>errors</code>, by JSON Pointer. The API reference: <a href="/docs">/docs</a>.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(type.title()), Problems.TYPE_BASE, type.slug(), type.status(), escape(type.meaning()), escape(type.remedy()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
