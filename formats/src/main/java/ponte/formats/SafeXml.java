package ponte.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.SAXException;
import ponte.core.Invalid;

/**
 * Parsing documents from other servers without trusting them: no DTDs (so no external entities, no entity
 * expansion bombs) and nothing fetched, as OWASP's XXE prevention advice says.
 */
final class SafeXml {
    private SafeXml() {}

    // A document's entries are read one small document at a time (XmlEntries): building a parser per entry would
    // cost more than the entry. Parsers are not thread-safe, so each thread keeps its own, reset between documents.
    private static final ThreadLocal<SAXBuilder> JDOM = ThreadLocal.withInitial(SafeXml::saxBuilder);
    private static final ThreadLocal<DocumentBuilder> DOM = ThreadLocal.withInitial(SafeXml::domBuilder);

    static org.jdom2.Document jdom(byte[] xml) {
        try {
            return JDOM.get().build(new ByteArrayInputStream(xml));
        } catch (JDOMException | IOException e) {
            throw new Invalid("/", "not well-formed XML: " + e.getMessage());
        }
    }

    static org.w3c.dom.Document dom(byte[] xml) {
        DocumentBuilder builder = DOM.get();
        builder.reset();
        builder.setErrorHandler(null);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new Invalid("/", "not well-formed XML: " + e.getMessage());
        }
    }

    private static SAXBuilder saxBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setExpandEntities(false);
        return builder;
    }

    private static DocumentBuilder domBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
