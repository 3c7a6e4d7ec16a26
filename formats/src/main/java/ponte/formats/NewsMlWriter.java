package ponte.formats;

import static ponte.formats.NewsMlStax.element;
import static ponte.formats.NewsMlStax.lang;
import static ponte.formats.NewsMlStax.optionalInstant;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ponte.core.items.Event;
import tools.jackson.databind.JsonNode;

/**
 * NewsML-G2 2.35 (power conformance), written with the JDK's StAX: a newsItem per item, a packageItem (a groupSet of
 * itemRefs) for a composite with associations, and a newsMessage for a feed page. pubStatus, signal (sig:update,
 * sig:correction), rightsInfo with usageTerms and the licence as ODRL come from the same rendering as ninjs.
 * Schema: IPTC's NewsML-G2 2.35 XSD, in this module's test resources (tests validate every document against it).
 */
public final class NewsMlWriter {
    public static final String ITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml";
    public static final String PACKAGE_TYPE = "application/vnd.iptc.g2.packageitem+xml";
    public static final String MESSAGE_TYPE = "application/vnd.iptc.g2.newsmessage+xml";
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
    // The IPTC catalog that defines the scheme aliases used here (ninat, stat, sig, drol, irel, group).
    private static final String IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** The media type of {@link #item}: a package for a composite with associations, else a news item. */
    public String mediaTypeOf(ItemView item) {
        return isPackage(new Facts(item.ninjs())) ? PACKAGE_TYPE : ITEM_TYPE;
    }

    public byte[] item(ItemView item) {
        return write(w -> anyItem(w, item, true));
    }

    /** A newsMessage carrying the page's items in log order; sent is the newest entry's time (see {@link AtomWriter}). */
    public byte[] message(FeedPage page) {
        return write(w -> {
            w.writeStartElement("newsMessage");
            w.writeDefaultNamespace(NAR);
            w.writeStartElement("header");
            Instant newest = page.entries().stream().map(e -> new Facts(e.item().ninjs()).versionCreated())
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
            element(w, "sent", newest.toString());
            element(w, "sender", "Ponte");
            element(w, "transmitId", page.self());
            w.writeEndElement();
            w.writeStartElement("itemSet");
            for (FeedPage.Entry entry : page.entries()) {
                anyItem(w, entry.item(), false);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private void anyItem(XMLStreamWriter w, ItemView item, boolean root) throws XMLStreamException {
        Facts facts = new Facts(item.ninjs());
        boolean pack = isPackage(facts);
        w.writeStartElement(pack ? "packageItem" : "newsItem");
        if (root) {
            w.writeDefaultNamespace(NAR);
        }
        w.writeAttribute("guid", facts.uri());
        w.writeAttribute("version", Integer.toString(facts.version()));
        w.writeAttribute("standard", "NewsML-G2");
        w.writeAttribute("standardversion", "2.35");
        w.writeAttribute("conformance", "power");
        facts.language().ifPresent(language -> lang(w, language));
        w.writeEmptyElement("catalogRef");
        w.writeAttribute("href", IPTC_CATALOG);
        rightsInfo(w, facts);
        itemMeta(w, facts, item, pack);
        NewsMlContent.contentMeta(w, facts);
        if (pack) {
            groupSet(w, facts);
        } else {
            NewsMlContent.contentSet(w, facts);
        }
        w.writeEndElement();
    }

    private static void rightsInfo(XMLStreamWriter w, Facts facts) throws XMLStreamException {
        Optional<String> holder = facts.text("copyrightHolder");
        Optional<String> notice = facts.text("copyrightNotice");
        if (holder.isEmpty() && notice.isEmpty() && facts.usageTerms().isEmpty() && facts.encodedRights().isEmpty()) {
            return;
        }
        w.writeStartElement("rightsInfo");
        if (holder.isPresent()) {
            w.writeStartElement("copyrightHolder");
            element(w, "name", holder.get());
            w.writeEndElement();
        }
        notice.ifPresent(text -> element(w, "copyrightNotice", text));
        facts.usageTerms().ifPresent(text -> element(w, "usageTerms", text));
        if (facts.encodedRights().isPresent()) {
            // NewsML-G2 2.28 added rightsExpressionData for a rights language other than XML: the licence's ODRL policy.
            w.writeStartElement("rightsExpressionData");
            w.writeAttribute("langid", facts.rightsLanguage().orElse(OdrlAgreement.LANG_ID));
            w.writeAttribute("enctype", "application/ld+json");
            w.writeCharacters(facts.encodedRights().get());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void itemMeta(XMLStreamWriter w, Facts facts, ItemView item, boolean pack) throws XMLStreamException {
        w.writeStartElement("itemMeta");
        w.writeEmptyElement("itemClass");
        w.writeAttribute("qcode", "ninat:" + (pack ? "composite" : itemClass(facts.type())));
        w.writeStartElement("provider");
        w.writeAttribute("literal", "Ponte");
        element(w, "name", facts.text("copyrightHolder").orElse("Ponte"));
        w.writeEndElement();
        element(w, "versionCreated", facts.versionCreated().toString());
        optionalInstant(w, facts, "firstCreated", "firstCreated");
        optionalInstant(w, facts, "embargoedUntil", "embargoed");
        w.writeEmptyElement("pubStatus");
        w.writeAttribute("qcode", "stat:" + facts.pubStatus());
        facts.text("title").ifPresent(text -> element(w, "title", text));
        facts.text("edNote").ifPresent(text -> element(w, "edNote", text));
        if (item.event() == Event.CORRECTED || item.event() == Event.UPDATED) {
            w.writeEmptyElement("signal");
            w.writeAttribute("qcode", item.event() == Event.CORRECTED ? "sig:correction" : "sig:update");
        }
        if (!pack) {
            for (JsonNode association : facts.associations()) {
                w.writeEmptyElement("link");
                w.writeAttribute("rel", "irel:associatedWith");
                w.writeAttribute("residref", association.path("uri").asString());
            }
        }
        w.writeEndElement();
    }

    private static void groupSet(XMLStreamWriter w, Facts facts) throws XMLStreamException {
        w.writeStartElement("groupSet");
        w.writeAttribute("root", "G1");
        w.writeStartElement("group");
        w.writeAttribute("id", "G1");
        w.writeAttribute("role", "group:main");
        for (JsonNode association : facts.associations()) {
            Facts part = new Facts(association);
            w.writeStartElement("itemRef");
            w.writeAttribute("residref", part.uri());
            w.writeAttribute("contenttype", ITEM_TYPE);
            w.writeEmptyElement("itemClass");
            w.writeAttribute("qcode", "ninat:" + itemClass(part.type()));
            element(w, "title", part.title());
            if (part.summary().isPresent()) {
                w.writeStartElement("description");
                w.writeAttribute("role", "drol:summary");
                w.writeCharacters(part.summary().get());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static boolean isPackage(Facts facts) {
        return "composite".equals(facts.type()) && !facts.associations().isEmpty();
    }

    /** ninjs types are IPTC's nature codes (ninat) already; event and planning are not news items. */
    private static String itemClass(String type) {
        return switch (type) {
            case "text", "audio", "video", "picture", "graphic", "composite" -> type;
            default -> "text";
        };
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAR);
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing NewsML-G2 failed", e);
        }
        return out.toByteArray();
    }
}
