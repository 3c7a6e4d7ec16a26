package ponte.formats;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finding NewsML-G2 elements (in the NAR namespace) in a DOM and reading their text, codes and markup. */
final class NewsMlDom {
    private static final String NAR = NewsMlWriter.NAR;
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private NewsMlDom() {}

    static Optional<String> language(Element item) {
        String lang = item.getAttributeNS(XML_NS, "lang");
        return lang.isBlank() ? Optional.empty() : Optional.of(lang);
    }


    /** The code of a qcode ("stat:canceled" → "canceled"). */
    static String code(String qcode) {
        int colon = qcode.indexOf(':');
        return (colon < 0 ? qcode : qcode.substring(colon + 1)).strip();
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAR.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || (NAR.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)))) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<String> attribute(Optional<Element> element, String name) {
        return element.map(e -> e.getAttribute(name)).filter(s -> !s.isBlank());
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> normalise(e.getTextContent())).filter(s -> !s.isEmpty());
    }

    /** G2 text is often indented across lines; receivers want the words, not the indentation. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The markup inside inlineXML (say, NITF), as written. */
    static String markup(Element inline) {
        StringBuilder out = new StringBuilder();
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            for (Element child : children(inline, null)) {
                StringWriter writer = new StringWriter();
                transformer.transform(new DOMSource(child), new StreamResult(writer));
                out.append(writer);
            }
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

}
