package ponte.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import ponte.formats.IngestReader;
import ponte.outbound.AddressGuard;

/**
 * One conditional GET of a source (RFC 9110 section 13: If-None-Match with the last ETag, If-Modified-Since with the
 * last Last-Modified), with a connect timeout, a timeout per request and a bound on the body. The client is the SSRF
 * guard's, so every connection goes to an address the guard judged when it was opened. Redirects are followed here,
 * hop by hop (feeds move), at most {@link #MAX_REDIRECTS}: each hop is one more guarded request, so a redirect to a
 * private address is refused like a source on one.
 */
final class Fetcher implements AutoCloseable {
    /** As many as the JDK's client, which fetched sources before, followed. */
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/vnd.iptc.g2.newsmessage+xml, "
            + "application/vnd.iptc.g2.newsitem+xml, application/json;q=0.9, application/xml;q=0.8, */*;q=0.1";

    /** What a fetch found: the document, or that it has not changed, with the validators for next time. */
    sealed interface Fetched {
        record Document(byte[] body, String contentType, Optional<String> etag, Optional<String> lastModified) implements Fetched {}

        record NotModified() implements Fetched {}
    }

    /**
     * No document this time (an HTTP error, a timeout, an address the guard refused, too many redirects): the poll
     * failed, the source stays.
     */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Fetcher(AddressGuard guard, Duration connectTimeout, Duration timeout) {
        this.client = guard.client("ponte-ingest", c -> {
            c.setFollowRedirects(false); // followed in fetch(), one guarded hop at a time
            c.setConnectTimeout(connectTimeout.toMillis());
            c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Ponte-ingest/0.1"));
        });
        this.timeout = timeout;
    }

    Fetched fetch(String url, Optional<String> etag, Optional<String> lastModified) throws InterruptedException, Failed {
        URI at = hop(null, url);
        for (int redirects = 0; ; redirects++) {
            InputStreamResponseListener listener = new InputStreamResponseListener();
            client.newRequest(at).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).headers(h -> {
                h.put(HttpHeader.ACCEPT, ACCEPT);
                etag.ifPresent(tag -> h.put(HttpHeader.IF_NONE_MATCH, tag));
                lastModified.ifPresent(time -> h.put(HttpHeader.IF_MODIFIED_SINCE, time));
            }).send(listener);
            try (InputStream body = listener.getInputStream()) {
                Response response = answer(listener, url, at);
                int status = response.getStatus();
                if (status == 304) {
                    return new Fetched.NotModified();
                }
                if (REDIRECTS.contains(status)) {
                    if (redirects == MAX_REDIRECTS) {
                        throw new Failed("more than " + MAX_REDIRECTS + " redirects from " + url);
                    }
                    at = hop(at, response.getHeaders().get(HttpHeader.LOCATION));
                    continue;
                }
                if (status < 200 || status > 299) {
                    throw new Failed("HTTP " + status + " from " + where(url, at));
                }
                byte[] bytes = body.readNBytes(IngestReader.MAX_BYTES + 1);
                if (bytes.length > IngestReader.MAX_BYTES) {
                    throw new Failed("the document at " + where(url, at) + " is larger than " + IngestReader.MAX_BYTES + " bytes");
                }
                return new Fetched.Document(bytes, Optional.ofNullable(response.getHeaders().get(HttpHeader.CONTENT_TYPE)).orElse(""),
                        Optional.ofNullable(response.getHeaders().get(HttpHeader.ETAG)),
                        Optional.ofNullable(response.getHeaders().get(HttpHeader.LAST_MODIFIED)));
            } catch (IOException e) { // the body broke off: a timeout, a reset, or the poller stopping
                if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                    throw new InterruptedException("stopped while reading " + at);
                }
                throw failed(url, at, e);
            }
        }
    }

    private Response answer(InputStreamResponseListener listener, String url, URI at) throws InterruptedException, Failed {
        try {
            // The request's own timeout ends it first; the margin only keeps a lost callback from hanging the poller.
            return listener.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failed(url, at, e.getCause());
        } catch (TimeoutException e) {
            throw failed(url, at, e);
        }
    }

    /**
     * The url of the next request: the source's own, or a redirect's Location resolved against the hop that sent it
     * (RFC 9110 section 10.2.2). Only http and https; which addresses it may reach is the guard's call, when it connects.
     */
    private static URI hop(URI from, String location) throws Failed {
        if (location == null) {
            throw new Failed("a redirect from " + from + " without a Location");
        }
        String what = from == null ? "the source's url " + location : "a redirect from " + from + " to " + location;
        URI next;
        try {
            next = from == null ? new URI(location) : from.resolve(new URI(location.strip()));
        } catch (URISyntaxException e) {
            throw new Failed(what + " is not a valid URI: " + e.getReason());
        }
        String scheme = Optional.ofNullable(next.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw new Failed(what + " is not an http or https url with a host");
        }
        return next;
    }

    /** Why a request found nothing, naming the hop it failed on: the guard's refusal, a timeout, or what the network said. */
    private Failed failed(String url, URI at, Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressGuard.Refused refused) {
                return new Failed("could not fetch " + where(url, at) + ": " + refused.getMessage());
            }
            root = t;
        }
        if (root instanceof TimeoutException || root instanceof SocketTimeoutException) {
            return new Failed("timed out: " + where(url, at) + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        }
        String what = root.getClass().getSimpleName();
        return new Failed("could not fetch " + where(url, at) + ": " + (root.getMessage() == null ? what : what + ": " + root.getMessage()));
    }

    private static String where(String url, URI at) {
        return at.toString().equals(url) ? url : at + " (redirected from " + url + ")";
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
