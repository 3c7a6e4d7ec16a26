package ponte.formats;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.events.StartElement;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import ponte.core.Invalid;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Atom 1.0 and RSS (0.9x, 1.0, 2.0) read with ROME into ninjs 3.1: id/guid → uri, title → main headline, summary →
 * summary description, content → body (with its media type), updated/published → versionCreated/firstCreated,
 * enclosures → renditions, categories → subjects, and the language from xml:lang (Atom) or the channel (RSS).
 * Withdrawals: Atom tombstones (RFC 6721 at:deleted-entry) and entries whose IPTC pubStatus category is "canceled"
 * (what Ponte's own Atom and RSS say for a kill). ROME does not expose xml:lang, so it is read from the XML tree.
 */
final class FeedReader {
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace TOMBSTONES = Namespace.getNamespace("http://purl.org/atompub/tombstones/1.0");

    /** What each element of a feed is to {@link XmlEntries}: entries, tombstones and items are read one at a time. */
    static XmlEntries.Role role(List<StartElement> open, StartElement element) {
        String name = element.getName().getLocalPart();
        if (open.isEmpty()) {
            return XmlEntries.Role.CONTAINER; // feed, rss, rdf:RDF
        }
        if (open.size() == 1) {
            return switch (name) {
                case "entry", "deleted-entry", "item" -> XmlEntries.Role.ENTRY; // Atom, its tombstones, RSS 0.90 and 1.0
                case "channel" -> XmlEntries.Role.CONTAINER;
                default -> XmlEntries.Role.HEADER;
            };
        }
        return switch (name) {
            case "item" -> XmlEntries.Role.ENTRY; // RSS 0.91 to 2.0
            case "items" -> XmlEntries.Role.SKIP; // RSS 1.0's table of contents: a line per item, and no use to ROME
            default -> XmlEntries.Role.HEADER;
        };
    }

    /** The feed's entries, numbered from {@code first} (0-based) where an entry has no id of its own. */
    List<IngestReader.Mapped> read(byte[] xml, String scope, int first) {
        Document document = SafeXml.jdom(xml);
        List<Element> atomEntries = document.getRootElement().getChildren("entry", ATOM);
        String feedLanguage = document.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new Invalid("/", "not an Atom or RSS feed: " + e.getMessage());
        }
        List<IngestReader.Mapped> out = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            Element atomEntry = i < atomEntries.size() ? atomEntries.get(i) : null;
            String language = language(atomEntry, feedLanguage).orElse(feed.getLanguage());
            try {
                out.add(entry(entries.get(i), atomEntry, language, scope, first + i));
            } catch (RuntimeException e) {
                out.add(new IngestReader.Malformed(label(entries.get(i), first + i), "could not read the entry: " + e.getMessage()));
            }
        }
        for (Element tombstone : document.getRootElement().getChildren("deleted-entry", TOMBSTONES)) {
            String ref = tombstone.getAttributeValue("ref");
            if (ref != null && !ref.isBlank()) {
                out.add(new IngestReader.Canceled(Uris.forGuid(scope, ref), "deleted (Atom tombstone)",
                        Optional.ofNullable(tombstone.getAttributeValue("when")).flatMap(Facts::parse)));
            }
        }
        return out;
    }

    private static IngestReader.Mapped entry(SyndEntry entry, Element atomEntry, String language, String scope, int position) {
        String guid = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
        if (guid == null || guid.isBlank()) {
            return new IngestReader.Malformed(label(entry, position), "the entry has no id, guid or link to tell it by");
        }
        String uri = Uris.forGuid(scope, guid);
        Optional<Instant> updated = instant(entry.getUpdatedDate()).or(() -> instant(entry.getPublishedDate()));
        String pubStatus = category(entry, AtomWriter.PUB_STATUS_SCHEME).orElse("usable");
        if (pubStatus.equals("canceled")) {
            return new IngestReader.Canceled(uri, "canceled", updated);
        }
        ObjectNode ninjs = Json.MAPPER.createObjectNode();
        ninjs.put("uri", uri);
        ninjs.put("type", "text");
        if (!uri.equals(guid)) {
            ninjs.putArray("altIds").addObject().put("role", "guid").put("value", guid);
        }
        if (language != null && !language.isBlank()) {
            ninjs.put("language", language.strip());
        }
        if (pubStatus.equals("withheld")) {
            ninjs.put("pubStatus", "withheld");
        }
        updated.ifPresent(at -> ninjs.put("versionCreated", at.toString()));
        instant(entry.getPublishedDate()).ifPresent(at -> ninjs.put("firstCreated", at.toString()));
        if (entry.getTitle() != null && !entry.getTitle().isBlank()) {
            ninjs.putArray("headlines").addObject().put("role", "main").put("value", entry.getTitle().strip());
        }
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            ninjs.put("by", entry.getAuthor());
        }
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            ninjs.putArray("descriptions").addObject().put("role", "summary").put("value", description.getValue().strip());
        }
        ArrayNode bodies = ninjs.arrayNode();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                bodies.addObject().put("role", "text").put("contentType", mediaType(content.getType())).put("value", content.getValue());
            }
        }
        if (!bodies.isEmpty()) {
            ninjs.set("bodies", bodies);
        }
        renditions(ninjs, entry.getEnclosures());
        subjects(ninjs, entry.getCategories());
        boolean correction = category(entry, AtomWriter.EVENT_SCHEME).filter("corrected"::equals).isPresent();
        return new IngestReader.Usable(uri, ninjs, correction, updated);
    }

    private static void renditions(ObjectNode ninjs, List<SyndEnclosure> enclosures) {
        ArrayNode renditions = ninjs.arrayNode();
        for (SyndEnclosure enclosure : enclosures) {
            Optional<String> href = Uris.absolute(enclosure.getUrl());
            if (href.isEmpty()) {
                continue; // a relative or broken link fetches nothing for a receiver
            }
            ObjectNode r = renditions.addObject().put("name", "enclosure-" + renditions.size()).put("href", href.get());
            if (enclosure.getType() != null && !enclosure.getType().isBlank()) {
                r.put("contentType", enclosure.getType());
            }
            if (enclosure.getLength() > 0) {
                r.put("sizeInBytes", enclosure.getLength());
            }
        }
        if (!renditions.isEmpty()) {
            ninjs.set("renditions", renditions);
        }
    }

    private static void subjects(ObjectNode ninjs, List<SyndCategory> categories) {
        ArrayNode subjects = ninjs.arrayNode();
        for (SyndCategory category : categories) {
            String scheme = category.getTaxonomyUri();
            if (AtomWriter.PUB_STATUS_SCHEME.equals(scheme) || AtomWriter.EVENT_SCHEME.equals(scheme) || category.getName() == null
                    || category.getName().isBlank()) {
                continue; // Ponte's own status categories are read as status, not subjects
            }
            ObjectNode subject = subjects.addObject().put("name", category.getLabel() != null ? category.getLabel() : category.getName());
            Optional<String> uri = Uris.absolute(category.getName());
            if (uri.isPresent()) {
                subject.put("uri", uri.get());
            } else {
                subject.put("literal", category.getName());
            }
        }
        if (!subjects.isEmpty()) {
            ninjs.set("subjects", subjects);
        }
    }

    private static Optional<String> category(SyndEntry entry, String scheme) {
        return entry.getCategories().stream().filter(c -> scheme.equals(c.getTaxonomyUri())).map(SyndCategory::getName).findFirst();
    }

    /** xml:lang of the entry's content, of the entry, or of the feed (XML 1.0 section 2.12: it is inherited). */
    private static Optional<String> language(Element atomEntry, String feedLanguage) {
        if (atomEntry != null) {
            Element content = atomEntry.getChild("content", ATOM);
            for (Element e : new Element[] {content, atomEntry.getChild("title", ATOM), atomEntry}) {
                if (e != null && e.getAttributeValue("lang", Namespace.XML_NAMESPACE) != null) {
                    return Optional.of(e.getAttributeValue("lang", Namespace.XML_NAMESPACE));
                }
            }
        }
        return Optional.ofNullable(feedLanguage);
    }

    private static String mediaType(String atomType) {
        if (atomType == null || atomType.equals("text")) {
            return "text/plain";
        }
        return atomType.equals("html") || atomType.equals("xhtml") ? "text/html" : atomType;
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static String label(SyndEntry entry, int position) {
        return entry.getUri() != null ? entry.getUri() : "entry " + (position + 1);
    }
}
