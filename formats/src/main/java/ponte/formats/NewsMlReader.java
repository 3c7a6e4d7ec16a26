package ponte.formats;

import static ponte.formats.NewsMlDom.attribute;
import static ponte.formats.NewsMlDom.child;
import static ponte.formats.NewsMlDom.children;
import static ponte.formats.NewsMlDom.code;
import static ponte.formats.NewsMlDom.language;
import static ponte.formats.NewsMlDom.markup;
import static ponte.formats.NewsMlDom.normalise;
import static ponte.formats.NewsMlDom.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.events.StartElement;
import org.w3c.dom.Element;
import ponte.core.Invalid;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * NewsML-G2 (newsItem, packageItem, or a newsMessage of them) read into ninjs 3.1, following IPTC's own ninjs–G2
 * mapping where it has one (the "nar:" notes in the ninjs schema): guid → uri, itemClass → type, versionCreated,
 * firstCreated, embargoed, pubStatus, edNote, title, contentMeta (headline, description, slugline, by, located,
 * subject, genre, language, urgency), rightsInfo (copyright, usageTerms), contentSet (inline content → bodies, remote
 * content → renditions), a package's itemRefs → associations. stat:canceled withdraws; sig:correction corrects.
 */
final class NewsMlReader {
    private static final String NAR = NewsMlWriter.NAR;

    /** What each element of a G2 document is to {@link XmlEntries}: a newsMessage's items are read one at a time. */
    static XmlEntries.Role role(List<StartElement> open, StartElement element) {
        boolean nar = NAR.equals(element.getName().getNamespaceURI());
        String name = element.getName().getLocalPart();
        if (open.isEmpty()) {
            return nar && name.equals("newsMessage") ? XmlEntries.Role.CONTAINER : XmlEntries.Role.ENTRY; // else a lone item
        }
        if (open.size() == 1) {
            return nar && name.equals("itemSet") ? XmlEntries.Role.CONTAINER : XmlEntries.Role.HEADER;
        }
        return XmlEntries.Role.ENTRY;
    }

    /** The document's items, numbered from {@code first} (0-based) where an item has no guid. */
    List<IngestReader.Mapped> read(byte[] xml, String scope, int first) {
        Element root = SafeXml.dom(xml).getDocumentElement();
        if (!NAR.equals(root.getNamespaceURI())) {
            throw new Invalid("/", "not NewsML-G2: the root element is not in " + NAR);
        }
        List<Element> items = new ArrayList<>();
        if (root.getLocalName().equals("newsMessage")) {
            children(child(root, "itemSet").orElseThrow(() -> new Invalid("/", "a newsMessage without itemSet")), null).forEach(items::add);
        } else {
            items.add(root);
        }
        List<IngestReader.Mapped> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String label = item.getAttribute("guid").isEmpty() ? "item " + (first + i + 1) : item.getAttribute("guid");
            try {
                out.add(item(item, scope, label));
            } catch (RuntimeException e) {
                out.add(new IngestReader.Malformed(label, "could not read the item: " + e.getMessage()));
            }
        }
        return out;
    }

    private static IngestReader.Mapped item(Element item, String scope, String label) {
        String kind = item.getLocalName();
        if (!kind.equals("newsItem") && !kind.equals("packageItem")) {
            return new IngestReader.Malformed(label, kind + " is not a news item (only newsItem and packageItem carry news)");
        }
        String guid = item.getAttribute("guid");
        if (guid.isBlank()) {
            return new IngestReader.Malformed(label, "the item has no guid");
        }
        String uri = Uris.forGuid(scope, guid);
        Element meta = child(item, "itemMeta").orElse(null);
        if (meta == null) {
            return new IngestReader.Malformed(label, "the item has no itemMeta");
        }
        Optional<Instant> updated = text(meta, "versionCreated").flatMap(NewsMlReader::instant);
        String status = code(attribute(child(meta, "pubStatus"), "qcode").orElse("stat:usable"));
        if (status.equals("canceled")) {
            return new IngestReader.Canceled(uri, text(meta, "edNote").orElse("canceled"), updated);
        }
        ObjectNode ninjs = Json.MAPPER.createObjectNode().put("uri", uri);
        if (!uri.equals(guid)) {
            ninjs.putArray("altIds").addObject().put("role", "guid").put("value", guid);
        }
        ninjs.put("type", kind.equals("packageItem") ? "composite" : type(attribute(child(meta, "itemClass"), "qcode").orElse("ninat:text")));
        language(item).ifPresent(language -> ninjs.put("language", language));
        updated.ifPresent(at -> ninjs.put("versionCreated", at.toString()));
        text(meta, "firstCreated").flatMap(NewsMlReader::instant).ifPresent(at -> ninjs.put("firstCreated", at.toString()));
        text(meta, "embargoed").flatMap(NewsMlReader::instant).ifPresent(at -> ninjs.put("embargoedUntil", at.toString()));
        if (status.equals("withheld")) {
            ninjs.put("pubStatus", "withheld");
        }
        text(meta, "title").ifPresent(title -> ninjs.put("title", title));
        text(meta, "edNote").ifPresent(note -> ninjs.put("edNote", note));
        child(item, "rightsInfo").ifPresent(rights -> rights(rights, ninjs));
        child(item, "contentMeta").ifPresent(content -> contentMeta(content, ninjs));
        child(item, "contentSet").ifPresent(set -> contentSet(set, ninjs));
        child(item, "groupSet").ifPresent(groups -> associations(groups, scope, ninjs));
        boolean correction = children(meta, "signal").stream().anyMatch(s -> code(s.getAttribute("qcode")).equals("correction"));
        return new IngestReader.Usable(uri, ninjs, correction, updated);
    }

    private static void rights(Element rights, ObjectNode ninjs) {
        child(rights, "copyrightHolder").flatMap(h -> text(h, "name").or(() -> Optional.of(h.getAttribute("literal")).filter(s -> !s.isBlank())))
                .ifPresent(holder -> ninjs.put("copyrightHolder", holder));
        text(rights, "copyrightNotice").ifPresent(notice -> ninjs.put("copyrightNotice", notice));
        text(rights, "usageTerms").ifPresent(terms -> ninjs.put("usageTerms", terms));
    }

    private static void contentMeta(Element meta, ObjectNode ninjs) {
        text(meta, "urgency").flatMap(NewsMlReader::integer).filter(u -> u >= 1 && u <= 9).ifPresent(u -> ninjs.put("urgency", u));
        text(meta, "contentCreated").flatMap(NewsMlReader::instant).ifPresent(at -> ninjs.put("contentCreated", at.toString()));
        child(meta, "located").flatMap(l -> text(l, "name")).ifPresent(located -> ninjs.put("located", located));
        List<String> creators = children(meta, "creator").stream().map(c -> text(c, "name")).flatMap(Optional::stream).toList();
        if (!creators.isEmpty()) {
            ninjs.put("by", String.join(", ", creators));
        }
        text(meta, "slugline").ifPresent(slug -> ninjs.put("slugline", slug));
        ArrayNode headlines = ninjs.arrayNode();
        for (Element headline : children(meta, "headline")) {
            String value = headline.getTextContent().strip();
            if (!value.isEmpty()) {
                ObjectNode h = headlines.addObject();
                if (headlines.size() == 1) {
                    h.put("role", "main");
                }
                h.put("value", value);
            }
        }
        if (!headlines.isEmpty()) {
            ninjs.set("headlines", headlines);
        }
        ArrayNode descriptions = ninjs.arrayNode();
        for (Element description : children(meta, "description")) {
            ObjectNode d = descriptions.addObject();
            String role = code(description.getAttribute("role"));
            if (!role.isEmpty()) {
                d.put("role", role);
            }
            d.put("value", normalise(description.getTextContent()));
        }
        if (!descriptions.isEmpty()) {
            ninjs.set("descriptions", descriptions);
        }
        concepts(children(meta, "subject"), ninjs, "subjects");
        concepts(children(meta, "genre"), ninjs, "genres");
        if (!ninjs.has("language")) {
            child(meta, "language").map(l -> l.getAttribute("tag")).filter(t -> !t.isBlank()).ifPresent(t -> ninjs.put("language", t));
        }
    }

    /** A concept: its uri if it has one, else its qcode as a literal; its first name. */
    private static void concepts(List<Element> concepts, ObjectNode ninjs, String field) {
        ArrayNode out = ninjs.arrayNode();
        for (Element concept : concepts) {
            ObjectNode c = Json.MAPPER.createObjectNode();
            text(concept, "name").ifPresent(name -> c.put("name", name));
            Optional<String> uri = Uris.absolute(concept.getAttribute("uri"));
            if (uri.isPresent()) {
                c.put("uri", uri.get());
            } else if (!concept.getAttribute("qcode").isBlank()) {
                c.put("literal", concept.getAttribute("qcode"));
            } else if (!concept.getAttribute("literal").isBlank()) {
                c.put("literal", concept.getAttribute("literal"));
            }
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        if (!out.isEmpty()) {
            ninjs.set(field, out);
        }
    }

    private static void contentSet(Element set, ObjectNode ninjs) {
        ArrayNode bodies = ninjs.arrayNode();
        ArrayNode renditions = ninjs.arrayNode();
        for (Element content : children(set, null)) {
            String type = content.getAttribute("contenttype");
            switch (content.getLocalName()) {
                case "inlineXML" -> {
                    String markup = markup(content).strip();
                    if (!markup.isEmpty()) {
                        bodies.addObject().put("role", "text").put("contentType", type.isBlank() ? "application/xml" : type).put("value", markup);
                    }
                }
                case "inlineData" -> bodies.addObject().put("role", "text").put("contentType", type.isBlank() ? "text/plain" : type)
                        .put("value", content.getTextContent());
                case "remoteContent" -> rendition(content, renditions);
                default -> { }
            }
        }
        if (!bodies.isEmpty()) {
            ninjs.set("bodies", bodies);
        }
        if (!renditions.isEmpty()) {
            ninjs.set("renditions", renditions);
        }
    }

    private static void rendition(Element remote, ArrayNode renditions) {
        Optional<String> href = Uris.absolute(remote.getAttribute("href"));
        if (href.isEmpty()) {
            return; // a relative href ("./photo.jpg") points into a package we were not sent
        }
        String name = code(remote.getAttribute("rendition"));
        ObjectNode r = renditions.addObject().put("name", name.isEmpty() ? "rendition-" + renditions.size() : name).put("href", href.get());
        if (!remote.getAttribute("contenttype").isBlank()) {
            r.put("contentType", remote.getAttribute("contenttype"));
        }
        integer(remote.getAttribute("width")).ifPresent(w -> r.put("width", w));
        integer(remote.getAttribute("height")).ifPresent(h -> r.put("height", h));
        integer(remote.getAttribute("size")).ifPresent(size -> r.put("sizeInBytes", size));
        integer(remote.getAttribute("duration")).ifPresent(d -> r.put("duration", d));
    }

    private static void associations(Element groupSet, String scope, ObjectNode ninjs) {
        ArrayNode associations = ninjs.arrayNode();
        for (Element group : children(groupSet, "group")) {
            for (Element ref : children(group, "itemRef")) {
                Optional<String> uri = Uris.absolute(ref.getAttribute("residref")).or(() -> Uris.absolute(ref.getAttribute("href")));
                if (uri.isEmpty()) {
                    continue;
                }
                ObjectNode a = associations.addObject().put("name", "item-" + (associations.size())).put("uri", uri.get());
                child(ref, "itemClass").map(c -> c.getAttribute("qcode")).filter(q -> !q.isBlank()).ifPresent(q -> a.put("type", type(q)));
                text(ref, "title").ifPresent(title -> a.put("title", title));
                text(ref, "description").ifPresent(d -> a.putArray("descriptions").addObject().put("value", d));
            }
        }
        if (!associations.isEmpty()) {
            ninjs.set("associations", associations);
        }
    }

    /** An IPTC nature qcode as a ninjs type; anything unknown is text. */
    private static String type(String qcode) {
        String code = code(qcode);
        return switch (code) {
            case "text", "audio", "video", "picture", "graphic", "composite", "component" -> code;
            default -> "text";
        };
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip().toUpperCase(Locale.ROOT)).toInstant());
        } catch (DateTimeParseException e) {
            return Facts.parse(text);
        }
    }

    private static Optional<Integer> integer(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
