package ponte.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import ponte.formats.IngestReader;

/**
 * One conditional GET of a source (RFC 9110 section 13: If-None-Match with the last ETag, If-Modified-Since with the
 * last Last-Modified), with a connect timeout, a whole-request timeout and a bound on the body. Redirects are followed
 * (feeds move), at most as many as the JDK's client follows (5).
 */
final class Fetcher {
    /** What a fetch found: the document, or that it has not changed, with the validators for next time. */
    sealed interface Fetched {
        record Document(byte[] body, String contentType, Optional<String> etag, Optional<String> lastModified) implements Fetched {}

        record NotModified() implements Fetched {}
    }

    /** The source answered, but not with a document (an HTTP error): the poll failed, the source stays. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Fetcher(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    Fetched fetch(String url, Optional<String> etag, Optional<String> lastModified) throws IOException, InterruptedException, Refused {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("Accept", "application/atom+xml, application/rss+xml, application/vnd.iptc.g2.newsmessage+xml, "
                        + "application/vnd.iptc.g2.newsitem+xml, application/json;q=0.9, application/xml;q=0.8, */*;q=0.1")
                .header("User-Agent", "Ponte-ingest/0.1");
        etag.ifPresent(tag -> request.header("If-None-Match", tag));
        lastModified.ifPresent(at -> request.header("If-Modified-Since", at));
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Fetched.NotModified();
            }
            if (status < 200 || status > 299) {
                throw new Refused("HTTP " + status + " from " + url);
            }
            byte[] bytes = body.readNBytes(IngestReader.MAX_BYTES + 1);
            if (bytes.length > IngestReader.MAX_BYTES) {
                throw new Refused("the document at " + url + " is larger than " + IngestReader.MAX_BYTES + " bytes");
            }
            return new Fetched.Document(bytes, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"));
        }
    }
}
