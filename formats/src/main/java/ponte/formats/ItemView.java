package ponte.formats;

import java.util.Objects;
import ponte.core.items.Event;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item as one reader receives it, from which every format is written: the ninjs 3.1 document rendered for that
 * reader (so every format carries the same content, terms and status), the event as the reader sees it, and where the
 * item lives in Ponte's API ({@code href}, relative to the server).
 */
public record ItemView(Event event, ObjectNode ninjs, String href) {
    public ItemView {
        Objects.requireNonNull(event);
        Objects.requireNonNull(ninjs);
        Objects.requireNonNull(href);
    }
}
