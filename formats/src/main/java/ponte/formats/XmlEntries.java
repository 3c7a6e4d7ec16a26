package ponte.formats;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import ponte.core.Invalid;

/**
 * An XML document (a feed, a newsMessage) read with StAX one entry at a time, in memory bounded by the largest entry.
 * Each entry is handed to the format's own reader as a small document of its own: the elements that contain it (the
 * feed, the channel, the itemSet) with their attributes and the children read so far that are not entries (a
 * channel's language, say), and the entry. So the whole-document readers map entries exactly as they always did, and
 * an entry's problem stays that entry's. DTDs are refused, so nothing is fetched and no entity expands.
 */
final class XmlEntries implements IngestReader.Split {
    /** What an element is to the splitter, given the containers open around it (none: it is the root). */
    enum Role { ENTRY, CONTAINER, HEADER, SKIP }

    interface Shape {
        Role role(List<StartElement> open, StartElement element);
    }

    /** The format's reader of a whole document, its entries numbered from {@code first} (0-based). */
    interface Reading {
        List<IngestReader.Mapped> read(byte[] document, int first);
    }

    // One of each per document: the JDK's factories keep state between calls, so none is shared between threads.
    private final XMLEventFactory factory = XMLEventFactory.newInstance();
    private final XMLOutputFactory output = XMLOutputFactory.newInstance();
    private final XMLEventReader events;
    private final Shape shape;
    private final Reading reading;
    private final int max;
    private final List<StartElement> open = new ArrayList<>();
    private final List<List<XMLEvent>> heads = new ArrayList<>();
    private List<XMLEvent> closedRoot = List.of();
    private int position;
    private boolean shellChecked;
    private boolean ended;

    XmlEntries(InputStream in, Shape shape, Reading reading, int max) {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            this.events = factory.createXMLEventReader(in);
        } catch (XMLStreamException e) {
            throw new IngestReader.Unreadable("not well-formed XML: " + e.getMessage());
        }
        this.shape = shape;
        this.reading = reading;
        this.max = max;
    }

    @Override
    public Optional<IngestReader.Mapped> next() {
        try {
            while (!ended) {
                if (!events.hasNext()) {
                    return end();
                }
                XMLEvent e = events.nextEvent();
                if (e.getEventType() == XMLStreamConstants.DTD) {
                    throw new IngestReader.Unreadable("not well-formed XML: a DOCTYPE is refused (no DTDs, so no external entities)");
                }
                if (e.isStartElement()) {
                    Optional<IngestReader.Mapped> entry = start(e.asStartElement());
                    if (entry.isPresent()) {
                        return entry;
                    }
                } else if (e.isEndElement() && !open.isEmpty()) {
                    close(e);
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw new IngestReader.Unreadable("not well-formed XML: " + e.getMessage());
        }
    }

    private Optional<IngestReader.Mapped> start(StartElement element) throws XMLStreamException {
        switch (shape.role(open, element)) {
            case CONTAINER -> {
                open.add(element);
                heads.add(new ArrayList<>());
            }
            case HEADER -> capture(element, heads.getLast());
            case SKIP -> capture(element, new ArrayList<>());
            case ENTRY -> {
                return entry(element);
            }
        }
        return Optional.empty();
    }

    /** A container ends: it is kept, with what was kept of it, as a header of its parent (an RSS 1.0 channel, say). */
    private void close(XMLEvent end) {
        List<XMLEvent> whole = new ArrayList<>();
        whole.add(open.removeLast());
        whole.addAll(heads.removeLast());
        whole.add(end);
        if (open.isEmpty()) {
            closedRoot = whole;
        } else {
            heads.getLast().addAll(whole);
        }
    }

    /** Without a single entry, the document as kept is read as it is: its reader says whether it is one at all. */
    private Optional<IngestReader.Mapped> end() throws XMLStreamException {
        ended = true;
        if (shellChecked || closedRoot.isEmpty()) {
            return Optional.empty();
        }
        Document shell = new Document();
        for (XMLEvent e : closedRoot) {
            shell.add(e);
        }
        return reading.read(shell.bytes(), position).stream().findFirst();
    }

    private Optional<IngestReader.Mapped> entry(StartElement element) throws XMLStreamException {
        boolean whole = open.isEmpty(); // the root is the one entry (a lone newsItem): its problems are the document's
        if (!whole && !shellChecked) {
            reading.read(shell().bytes(), position); // refuses a document that is not of the format, before any entry
        }
        shellChecked = true;
        int number = ++position;
        Document piece = shell();
        long size = piece.copy(element, events, max);
        if (size > max) {
            return Optional.of(new IngestReader.Malformed("entry " + number, "the entry is larger than " + max + " bytes"));
        }
        byte[] bytes = piece.bytes();
        try {
            return reading.read(bytes, number - 1).stream().findFirst();
        } catch (Invalid invalid) {
            if (whole) {
                throw invalid;
            }
            return Optional.of(new IngestReader.Malformed("entry " + number, invalid.getMessage()));
        }
    }

    private Document shell() throws XMLStreamException {
        Document d = new Document();
        for (int i = 0; i < open.size(); i++) {
            d.add(open.get(i));
            for (XMLEvent e : heads.get(i)) {
                d.add(e);
            }
        }
        return d;
    }

    /** Keeps a whole element (a header), bounded: a document's head larger than an entry may be is refused. */
    private void capture(StartElement element, List<XMLEvent> into) throws XMLStreamException {
        long size = 0;
        int depth = 1;
        into.add(element);
        while (depth > 0) {
            XMLEvent e = events.nextEvent();
            depth += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
            size += Document.size(e);
            into.add(e);
            if (size > max) {
                throw new IngestReader.Unreadable("an element outside the entries is larger than " + max + " bytes");
            }
        }
    }

    /** A small document being written: the containers' start tags and headers, an entry, the end tags. */
    private final class Document {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        private final XMLEventWriter writer;
        private int depth;
        private boolean closed;

        Document() throws XMLStreamException {
            writer = output.createXMLEventWriter(out, "UTF-8");
            writer.add(factory.createStartDocument("UTF-8", "1.0"));
        }

        void add(XMLEvent e) throws XMLStreamException {
            if (e.getEventType() == XMLStreamConstants.COMMENT || e.getEventType() == XMLStreamConstants.START_DOCUMENT
                    || e.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
            depth += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
            writer.add(e);
        }

        /** Copies the element that has just started, to its end; past {@code max} bytes it is read to its end unkept. */
        long copy(StartElement element, XMLEventReader from, int max) throws XMLStreamException {
            add(element);
            long size = size(element);
            int level = 1;
            while (level > 0) {
                XMLEvent e = from.nextEvent();
                level += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
                size += size(e);
                if (size <= max) {
                    add(e);
                }
            }
            return size;
        }

        /** Ends the containers still open, innermost first, and the document. */
        Document close() throws XMLStreamException {
            if (closed) {
                return this;
            }
            closed = true;
            for (int i = open.size() - 1; i >= 0 && depth > 0; i--) {
                add(factory.createEndElement(open.get(i).getName(), null));
            }
            writer.add(factory.createEndDocument());
            writer.close();
            return this;
        }

        byte[] bytes() throws XMLStreamException {
            close();
            return out.toByteArray();
        }

        /** About what the event takes as text: a bound on entries, not a byte count. */
        static long size(XMLEvent e) {
            if (e.isCharacters()) {
                return e.asCharacters().getData().length();
            }
            if (e.isStartElement()) {
                long size = 2 + e.asStartElement().getName().getLocalPart().length();
                for (var it = e.asStartElement().getAttributes(); it.hasNext(); ) {
                    Attribute a = (Attribute) it.next();
                    size += 4 + a.getName().getLocalPart().length() + a.getValue().length();
                }
                return size;
            }
            return e.isEndElement() ? 3 + e.asEndElement().getName().getLocalPart().length() : 0;
        }
    }
}
