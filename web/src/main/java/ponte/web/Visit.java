package ponte.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import ponte.core.access.Caller;
import ponte.core.accounts.Accounts;
import ponte.core.accounts.Session;

/**
 * One request to the UI, as a page handler sees it: who is signed in, the reader's language, the form sent, and the
 * ways to answer (a page, a redirect). The page handlers know nothing of Jetty beyond this.
 */
public final class Visit {
    static final String SESSION_COOKIE = "ponte_session";
    /** Before sign-in there is no session to hold the CSRF token: this cookie does, and the form echoes it. */
    static final String CSRF_COOKIE = "ponte_csrf";
    static final String LANGUAGE_COOKIE = "ponte_lang";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final TemplateEngine templates;
    private final Messages messages;
    private final Optional<Session> session;
    private final String csrf;
    private final String address;
    private final Map<String, String> params;
    private Fields form;
    private boolean answered;
    private boolean streamed;

    Visit(Request request, Response response, Callback callback, TemplateEngine templates, Messages messages, Optional<Session> session,
          String csrf, String address, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.templates = templates;
        this.messages = messages;
        this.session = session;
        this.csrf = csrf;
        this.address = address;
        this.params = params;
    }

    /** The session cookie's token, to end the session with. */
    String sessionToken() {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(SESSION_COOKIE)).map(HttpCookie::getValue)
                .findFirst().orElse("");
    }

    public Optional<Session> session() {
        return session;
    }

    /** Who this visit acts as in core: the session's org and role, exactly as a key of theirs. */
    public Caller caller() {
        return Accounts.caller(session.orElseThrow(), Optional.of(address));
    }

    public String address() {
        return address;
    }

    /** The node's base this request came to ({@code https://host:port}), for absolute links handed to partners. */
    public String base() {
        var uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    /**
     * Where the language menu returns to: this page with its query (the dashboard's product and dates, a list's
     * filters), when it was asked with GET; a form's result page goes back to the page itself.
     */
    String back() {
        String query = request.getHttpURI().getQuery();
        return "GET".equals(request.getMethod()) && query != null && !query.isEmpty() ? path() + "?" + query : path();
    }

    public String method() {
        return request.getMethod();
    }

    public Messages messages() {
        return messages;
    }

    /** A value from the path's template ("{id}"). */
    public String param(String name) {
        return params.get(name);
    }

    /** A query parameter, if sent and not blank. */
    public Optional<String> query(String name) {
        Fields.Field f = Request.extractQueryParameters(request).get(name);
        return f == null || f.getValue().isBlank() ? Optional.empty() : Optional.of(f.getValue());
    }

    /** A field of the posted form, if sent (blank counts as sent). */
    public Optional<String> field(String name) {
        Fields.Field f = form().get(name);
        return f == null ? Optional.empty() : Optional.of(f.getValue());
    }

    /** Every value of a repeated field (check boxes, a multiple select). */
    public List<String> fields(String name) {
        Fields.Field f = form().get(name);
        return f == null ? List.of() : f.getValues();
    }

    Fields form() {
        if (form == null) {
            form = "POST".equals(request.getMethod()) ? FormFields.getFields(request) : Fields.EMPTY;
        }
        return form;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Whether htmx asked (it then gets the fragment it swaps, not a whole page). */
    public boolean fromHtmx() {
        return "true".equals(request.getHeaders().get("HX-Request"));
    }

    /** The model every template starts from. */
    public Page page(String title) {
        return new Page(messages, session, csrf, title, path(), back());
    }

    /** Answers with a template, given the page model and its own parameters (JTE checks their types at build time). */
    public void render(int status, String template, Map<String, Object> values) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render(template, values, out);
        ByteBuffer body = ByteBuffer.wrap(out.toByteArray());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        answer(body);
    }

    public void render(String template, Page page, Object... more) {
        Map<String, Object> values = new HashMap<>();
        values.put("page", page);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        render(200, template, values);
    }

    /** A template rendered to text (a fragment for a live update), with the page model and its own parameters. */
    public String fragment(String template, Object... more) {
        Map<String, Object> values = new HashMap<>();
        values.put("page", page(""));
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render(template, values, out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Starts a Server-Sent Events answer; each send blocks this (virtual) thread until written. */
    public Stream eventStream() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put("X-Accel-Buffering", "no"); // a proxy in front must not buffer a stream
        answered = true;
        streamed = true;
        return new Stream();
    }

    /** An open event stream; closing it ends the response, unless writing already failed (the reader went away). */
    public final class Stream implements AutoCloseable {
        private boolean failed;

        public void send(String text) throws Exception {
            Callback.Completable written = new Callback.Completable();
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            try {
                written.get();
            } catch (Exception e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() {
            if (failed) {
                callback.failed(new java.io.IOException("the reader went away"));
            } else {
                response.write(true, ByteBuffer.allocate(0), callback);
            }
        }
    }

    /** After a POST: 303 to a page the browser then GETs, so a reload does not send the form again. */
    public void redirect(String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        answer(ByteBuffer.allocate(0));
    }

    /** A file to save, not to show: the browser offers it under {@code filename}. */
    public void download(String contentType, String filename, byte[] bytes) {
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        bytes(200, contentType, bytes, "no-store");
    }

    /**
     * A file's bytes, whole or the one range the reader asked for (RFC 9110 section 14, with If-Range on the strong
     * {@code etag}), as players seek: how many bytes were sent.
     *
     * @param open the file's bytes from an offset, that many of them
     */
    public long stream(String contentType, long size, String etag, java.util.function.BiFunction<Long, Long, java.nio.channels.ReadableByteChannel> open)
            throws java.io.IOException {
        var headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
        headers.put(HttpHeader.CACHE_CONTROL, "private, no-cache"); // the gate is asked at every view
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        Optional<ponte.core.media.ByteRange> range = Optional.ofNullable(request.getHeaders().get(HttpHeader.RANGE))
                .filter(r -> ifRange == null || ifRange.strip().equals(etag)).flatMap(r -> ponte.core.media.ByteRange.parse(r, size));
        if (range.isPresent() && range.get().unsatisfiable()) {
            headers.put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
            response.setStatus(416);
            answer(ByteBuffer.allocate(0));
            return 0;
        }
        long from = range.map(ponte.core.media.ByteRange::from).orElse(0L);
        long length = range.map(ponte.core.media.ByteRange::length).orElse(size);
        response.setStatus(range.isPresent() ? 206 : 200);
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        range.ifPresent(r -> headers.put(HttpHeader.CONTENT_RANGE, "bytes " + r.from() + "-" + (r.from() + r.length() - 1) + "/" + size));
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        answered = true;
        if ("HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return 0;
        }
        long sent;
        try (var body = open.apply(from, length); java.io.OutputStream out = org.eclipse.jetty.io.Content.Sink.asOutputStream(response)) {
            sent = java.nio.channels.Channels.newInputStream(body).transferTo(out);
        }
        callback.succeeded();
        return sent;
    }

    void bytes(int status, String contentType, byte[] bytes, String cacheControl) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl);
        answer(ByteBuffer.wrap(bytes));
    }

    private void answer(ByteBuffer body) {
        answered = true;
        response.write(true, body, callback);
    }

    boolean answered() {
        return answered;
    }

    /** Whether the answer was a stream, which settles the response itself when it closes. */
    boolean streamed() {
        return streamed;
    }

    /** Sets a cookie the page's scripts cannot read, sent only to this site (and only over HTTPS when served so). */
    void cookie(String name, String value, Duration maxAge) {
        Response.addCookie(response, HttpCookie.build(name, value).path("/").httpOnly(true).sameSite(HttpCookie.SameSite.LAX)
                .secure(secure(request)).maxAge(maxAge.toSeconds()).build());
    }

    void forget(String cookie) {
        cookie(cookie, "", Duration.ZERO);
    }

    /** Whether this request came over HTTPS. */
    public boolean secure() {
        return secure(request);
    }

    /** Over HTTPS, directly or behind a proxy that says so (believing a false claim only keeps the claimant's own cookie from it). */
    static boolean secure(Request request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private boolean multipart() {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** A file sent by a form's file field: its type, name, length, and its bytes to read once. */
    public record Upload(String contentType, Optional<String> filename, long length, java.nio.channels.ReadableByteChannel body) {}

    /**
     * The file sent in field {@code name} of a multipart form, parts larger than a few KiB spooled under {@code spool}
     * (Jetty removes them when the request ends); empty when the request is no such form or has no such file.
     */
    public Optional<Upload> upload(String name, java.nio.file.Path spool, long max) {
        if (!"POST".equals(request.getMethod()) || !multipart()) {
            return Optional.empty();
        }
        org.eclipse.jetty.http.MultiPartConfig config = new org.eclipse.jetty.http.MultiPartConfig.Builder().location(spool)
                .maxSize(max + 64 * 1024).maxPartSize(max).maxMemoryPartSize(64 * 1024).maxParts(8).build();
        org.eclipse.jetty.http.MultiPartFormData.Parts parts = org.eclipse.jetty.http.MultiPartFormData.getParts(request, request,
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), config);
        org.eclipse.jetty.http.MultiPart.Part part = parts.getFirst(name);
        if (part == null || part.getFileName() == null || part.getFileName().isBlank()) {
            return Optional.empty();
        }
        String type = Optional.ofNullable(part.getHeaders().get(HttpHeader.CONTENT_TYPE)).orElse("application/octet-stream");
        return Optional.of(new Upload(type, Optional.of(part.getFileName()), part.getLength(),
                java.nio.channels.Channels.newChannel(org.eclipse.jetty.io.Content.Source.asInputStream(part.createContentSource()))));
    }

    /** Whether the request carries this visit's CSRF token, in the form or (htmx) in a header; compared in constant time. */
    boolean carriesCsrf() {
        String sent = request.getHeaders().get("X-CSRF-Token");
        if (sent == null && multipart()) {
            sent = query("_csrf").orElse(""); // a file form's body is read only by its page, after this check
        }
        if (sent == null) {
            sent = field("_csrf").orElse("");
        }
        return !csrf.isEmpty() && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8));
    }
}
