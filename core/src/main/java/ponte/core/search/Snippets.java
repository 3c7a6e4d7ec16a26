package ponte.core.search;

import java.util.List;
import java.util.Optional;

/** Passages of a hit with the query's words marked ({@code <mark>…</mark>}, the rest HTML-escaped). */
public record Snippets(Optional<String> headline, List<String> body) {
    public static final Snippets NONE = new Snippets(Optional.empty(), List.of());

    public Snippets {
        body = List.copyOf(body);
    }
}
