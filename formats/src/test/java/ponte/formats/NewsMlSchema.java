package ponte.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * IPTC's NewsML-G2 2.35 XSD from ../shared/standards/newsml-g2, compiled with the JDK's validator. Only local files
 * may be read (ACCESS_EXTERNAL_SCHEMA = file: the XSD imports its sibling xml.xsd), so validation never goes online.
 */
public final class NewsMlSchema {
    public static final Path FOLDER = Standards.NINJS.getParent().resolve("newsml-g2");
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
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(FOLDER.resolve("NewsML-G2_2.35-spec-All-Power.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
