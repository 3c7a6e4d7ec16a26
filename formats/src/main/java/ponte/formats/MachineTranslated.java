package ponte.formats;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ninjs document machine-translated: its headlines, descriptions and bodies translated (an HTML body as HTML), its
 * language the target's, and labelled as machine-generated where ninjs 3.1 has room: {@code digitalSourceType} with
 * IPTC's code for what the engine makes, and an {@code edNote} for the receiving desk. The source's uri and altIds
 * are left out: they name the source, and the translation is an item of its own.
 */
public final class MachineTranslated {
    /** One text to translate, plain or HTML. */
    @FunctionalInterface
    public interface Texts {
        String translate(String text, boolean html);
    }

    private MachineTranslated() {}

    public static ObjectNode of(ObjectNode source, String language, String engine, String digitalSourceType, String from, Texts texts) {
        ObjectNode out = source.deepCopy();
        out.remove("uri");
        out.remove("altIds");
        out.put("language", language);
        for (String field : new String[] {"headlines", "descriptions"}) {
            for (JsonNode element : out.path(field)) {
                translate((ObjectNode) element, false, texts);
            }
        }
        for (JsonNode body : out.path("bodies")) {
            translate((ObjectNode) body, body.path("contentType").asString("").contains("html"), texts);
        }
        out.putObject("digitalSourceType").put("uri", digitalSourceType).put("name", "Machine translation (" + engine + ")");
        out.put("edNote", "Machine translation by " + engine + " from " + from + " into " + language
                + ", not yet checked by a translator: held until an editor approves it.");
        return out;
    }

    private static void translate(ObjectNode element, boolean html, Texts texts) {
        JsonNode value = element.get("value");
        if (value != null && value.isString() && !value.asString().isBlank()) {
            element.put("value", texts.translate(value.asString(), html));
        }
    }
}
