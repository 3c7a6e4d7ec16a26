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
        ninjs = xmlSafe(ninjs);
    }

    /**
     * The document with every character XML 1.0 cannot hold (controls other than tab, line feed and carriage return;
     * U+FFFE, U+FFFF) replaced by U+FFFD: JSON carries them, every format here is XML, and an item holding one must
     * still be readable in Atom, RSS and NewsML-G2. The common case, nothing to replace, is the document itself.
     */
    static ObjectNode xmlSafe(ObjectNode ninjs) {
        if (!hasIllegal(ninjs)) {
            return ninjs;
        }
        ObjectNode copy = ninjs.deepCopy();
        replaceIn(copy);
        return copy;
    }

    private static boolean hasIllegal(tools.jackson.databind.JsonNode node) {
        if (node.isString()) {
            return node.asString().chars().anyMatch(ItemView::illegal);
        }
        for (tools.jackson.databind.JsonNode child : node) {
            if (hasIllegal(child)) {
                return true;
            }
        }
        return node.isObject() && node.propertyNames().stream().anyMatch(n -> n.chars().anyMatch(ItemView::illegal));
    }

    private static void replaceIn(tools.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : java.util.List.copyOf(object.propertyNames())) {
                tools.jackson.databind.JsonNode value = object.get(name);
                if (value.isString()) {
                    object.put(name, legal(value.asString()));
                } else {
                    replaceIn(value);
                }
            }
        } else if (node instanceof tools.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString()) {
                    array.set(i, array.stringNode(legal(array.get(i).asString())));
                } else {
                    replaceIn(array.get(i));
                }
            }
        }
    }

    private static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(illegal(c) ? '\uFFFD' : (char) c));
        return out.toString();
    }

    private static boolean illegal(int c) {
        return (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0xFFFE || c == 0xFFFF;
    }
}
