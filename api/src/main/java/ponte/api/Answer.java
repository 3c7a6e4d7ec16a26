package ponte.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * An answer as sent: status, the headers that belong to it, body. What an idempotent request keeps for its retries;
 * headers that describe one exchange rather than the answer (its length, this request's rate limit, the replay mark)
 * are left out and made afresh when it is sent again.
 */
record Answer(int status, List<Header> headers, byte[] body) {
    record Header(String name, String value) {}

    private static final Set<String> OF_THE_EXCHANGE = Set.of("content-length", "date", "server", "connection", "transfer-encoding",
            "ratelimit", "ratelimit-policy", "retry-after", "idempotent-replayed");

    Answer {
        headers = List.copyOf(headers);
    }

    static Answer of(int status, HttpFields fields, byte[] body) {
        List<Header> kept = new ArrayList<>();
        for (HttpField field : fields) {
            if (!OF_THE_EXCHANGE.contains(field.getLowerCaseName())) {
                kept.add(new Header(field.getName(), field.getValue()));
            }
        }
        return new Answer(status, kept, body);
    }
}
