package ponte.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * IPTC's NewsML-G2 2.35 XSD from the test resources ({@link Standards}), compiled with the JDK's validator. The XSD
 * imports its sibling xml.xsd, which a resolver hands over from the same folder; no external access is allowed at all,
 * so validation never goes online.
 */
public final class NewsMlSchema {
    public static final Path FOLDER = Standards.NEWSML_G2;
    private static final Schema SCHEMA = load();

    private NewsMlSchema() {}

    /** Every error the XSD finds in the document, or none. */
    public static List<String> errorsIn(byte[] xml) {
        List<String> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(NewsMlSchema::sibling);
            Path xsd = FOLDER.resolve("NewsML-G2_2.35-spec-All-Power.xsd");
            return factory.newSchema(new StreamSource(new ByteArrayInputStream(Files.readAllBytes(xsd)), xsd.getFileName().toString()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The XSD's imports (only xml.xsd), read from its own folder. */
    private static LSInput sibling(String type, String namespace, String publicId, String systemId, String baseUri) {
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation().getFeature("LS", "3.0");
            LSInput input = ls.createLSInput();
            input.setSystemId(systemId);
            input.setByteStream(new ByteArrayInputStream(Files.readAllBytes(FOLDER.resolve(Path.of(systemId).getFileName().toString()))));
            return input;
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot resolve " + systemId + " beside the NewsML-G2 XSD", e);
        }
    }
}
