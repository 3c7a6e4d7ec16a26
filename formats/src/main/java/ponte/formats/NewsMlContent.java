package ponte.formats;

import static ponte.formats.NewsMlStax.element;
import static ponte.formats.NewsMlStax.lang;
import static ponte.formats.NewsMlStax.optionalInstant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.JsonNode;

/** What a NewsML-G2 news item says about its content (contentMeta) and the content itself (contentSet). */
final class NewsMlContent {
    private static final Map<String, String> DESCRIPTION_ROLES = Map.of("summary", "drol:summary", "caption", "drol:caption",
            "abstract", "drol:summary", "headline", "drol:headline");

    private NewsMlContent() {}

    static void contentMeta(XMLStreamWriter w, Facts facts) throws XMLStreamException {
        w.writeStartElement("contentMeta");
        JsonNode urgency = facts.ninjs().path("urgency");
        if (urgency.isIntegralNumber() && urgency.asInt() >= 1 && urgency.asInt() <= 9) {
            element(w, "urgency", Integer.toString(urgency.asInt())); // NewsML-G2 urgency is 1 to 9 (Int1to9Type)
        }
        optionalInstant(w, facts, "contentCreated", "contentCreated");
        if (facts.text("located").isPresent()) {
            w.writeStartElement("located");
            element(w, "name", facts.text("located").get());
            w.writeEndElement();
        }
        for (JsonNode source : facts.ninjs().path("infoSources")) {
            infoSource(w, source);
        }
        if (facts.text("by").isPresent()) {
            w.writeStartElement("creator");
            element(w, "name", facts.text("by").get());
            w.writeEndElement();
        }
        for (JsonNode altId : facts.ninjs().path("altIds")) {
            w.writeStartElement("altId");
            if (!altId.path("role").asString("").isEmpty()) {
                w.writeAttribute("typeuri", "urn:ponte:altid-role:" + altId.path("role").asString());
            }
            w.writeCharacters(altId.path("value").asString(""));
            w.writeEndElement();
        }
        if (facts.language().isPresent()) {
            w.writeEmptyElement("language");
            w.writeAttribute("tag", facts.language().get());
        }
        concepts(w, "genre", facts.ninjs().path("genres"));
        concepts(w, "subject", facts.ninjs().path("subjects"));
        facts.text("slugline").ifPresent(text -> element(w, "slugline", text));
        for (JsonNode headline : facts.ninjs().path("headlines")) {
            element(w, "headline", headline.path("value").asString(""));
        }
        for (JsonNode description : facts.ninjs().path("descriptions")) {
            w.writeStartElement("description");
            String role = DESCRIPTION_ROLES.get(description.path("role").asString("").toLowerCase(Locale.ROOT));
            if (role != null) {
                w.writeAttribute("role", role);
            }
            w.writeCharacters(description.path("value").asString(""));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /**
     * A ninjs info source: the party originated the content (IPTC's info source role {@code isrol:originfo}); its name,
     * and its role in ninjs (a co-production party's function) as the definition.
     */
    private static void infoSource(XMLStreamWriter w, JsonNode source) throws XMLStreamException {
        w.writeStartElement("infoSource");
        w.writeAttribute("role", "isrol:originfo");
        if (!source.path("uri").asString("").isEmpty()) {
            w.writeAttribute("uri", source.path("uri").asString());
        }
        if (!source.path("literal").asString("").isEmpty()) {
            w.writeAttribute("literal", source.path("literal").asString());
        }
        if (!source.path("name").asString("").isEmpty()) {
            element(w, "name", source.path("name").asString());
        }
        if (!source.path("role").asString("").isEmpty()) {
            element(w, "definition", source.path("role").asString());
        }
        w.writeEndElement();
    }

    /** Subjects and genres: ninjs gives a uri and/or a literal code, and a name. */
    private static void concepts(XMLStreamWriter w, String element, JsonNode concepts) throws XMLStreamException {
        for (JsonNode concept : concepts) {
            String uri = concept.path("uri").asString("");
            String literal = concept.path("literal").asString("");
            String name = concept.path("name").asString("");
            if (uri.isEmpty() && literal.isEmpty() && name.isEmpty()) {
                continue;
            }
            w.writeStartElement(element);
            if (!uri.isEmpty()) {
                w.writeAttribute("uri", uri);
            } else if (!literal.isEmpty()) {
                w.writeAttribute("literal", literal);
            }
            if (!name.isEmpty()) {
                element(w, "name", name);
            }
            w.writeEndElement();
        }
    }

    static void contentSet(XMLStreamWriter w, Facts facts) throws XMLStreamException {
        List<Facts.Rendition> renditions = facts.renditions();
        List<JsonNode> bodies = new ArrayList<>();
        facts.ninjs().path("bodies").forEach(bodies::add);
        if (bodies.isEmpty() && renditions.isEmpty()) {
            return;
        }
        w.writeStartElement("contentSet");
        for (JsonNode body : bodies) {
            // inlineData, not inlineXML: an HTML body need not be well-formed XML; escaped text carries it exactly.
            w.writeStartElement("inlineData");
            w.writeAttribute("contenttype", body.path("contentType").asString("text/plain"));
            facts.language().ifPresent(language -> lang(w, language));
            w.writeCharacters(body.path("value").asString(""));
            w.writeEndElement();
        }
        for (Facts.Rendition r : renditions) {
            w.writeEmptyElement("remoteContent");
            w.writeAttribute("href", r.href());
            if (r.contentType().isPresent()) {
                w.writeAttribute("contenttype", r.contentType().get());
            }
            if (r.size().isPresent()) {
                w.writeAttribute("size", Long.toString(r.size().get()));
            }
            if (r.width().isPresent()) {
                w.writeAttribute("width", Integer.toString(r.width().get()));
            }
            if (r.height().isPresent()) {
                w.writeAttribute("height", Integer.toString(r.height().get()));
            }
        }
        w.writeEndElement();
    }
}
