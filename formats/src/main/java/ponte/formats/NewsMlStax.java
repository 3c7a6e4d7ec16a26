package ponte.formats;

import java.time.Instant;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** StAX writes shared by the parts of the NewsML-G2 writer; unchecked where they must fit in a lambda. */
final class NewsMlStax {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private NewsMlStax() {}

    static void element(XMLStreamWriter w, String name, String text) {
        try {
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** xml:lang on the element just started. */
    static void lang(XMLStreamWriter w, String language) {
        try {
            w.writeAttribute("xml", XML_NS, "lang", language);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static void optionalInstant(XMLStreamWriter w, Facts facts, String field, String element) throws XMLStreamException {
        Optional<Instant> at = facts.instant(field);
        if (at.isPresent()) {
            element(w, element, at.get().toString());
        }
    }
}
