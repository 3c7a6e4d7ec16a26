package ponte.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** JDOM documents to UTF-8 bytes, raw: text (a body's line breaks) is written exactly as it is. */
final class Xml {
    private Xml() {}

    static byte[] bytes(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
