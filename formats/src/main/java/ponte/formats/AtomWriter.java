package ponte.formats;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 (RFC 4287), written with ROME: a feed page is an Atom feed with {@code self} and {@code next} links; one
 * item is an Atom Entry Document. Entry id = the item's uri; renditions (the item's and its associations') are
 * {@code enclosure} links; a kill stays an entry, with the IPTC pubStatus "canceled" as a category.
 */
public final class AtomWriter {
    public static final String MEDIA_TYPE = "application/atom+xml";
    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    /** IPTC's publishing status codes, used as a category scheme (cv.iptc.org/newscodes/pubstatusg2). */
    static final String PUB_STATUS_SCHEME = "http://cv.iptc.org/newscodes/pubstatusg2/";
    /** Ponte's event as the reader sees it (published, updated, corrected, killed, released). */
    static final String EVENT_SCHEME = "urn:ponte:event";

    public byte[] page(FeedPage page) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(page.id());
        feed.setTitle(page.title());
        // An Atom feed must say when it last changed; a page changes only through its entries, so it is the newest
        // entry's time (and the epoch for a page without entries): the same page is the same bytes, hence ETags.
        feed.setUpdated(Date.from(page.entries().stream().map(e -> new Facts(e.item().ninjs()).versionCreated())
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH)));
        feed.setOtherLinks(List.of(link("self", page.self(), MEDIA_TYPE), link("next", page.next(), MEDIA_TYPE)));
        feed.setAuthors(List.of(person("Ponte")));
        Generator generator = new Generator();
        generator.setValue("Ponte");
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (FeedPage.Entry e : page.entries()) {
            entries.add(entry(e.item()));
        }
        feed.setEntries(entries);
        Document document = jdom(feed);
        addLanguages(document.getRootElement(), page.entries().stream().map(e -> e.item()).toList());
        return Xml.bytes(document);
    }

    /** An Atom Entry Document (RFC 4287 section 2) for one item. */
    public byte[] item(ItemView item) {
        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:ponte:entry");
        feed.setTitle("entry");
        feed.setUpdated(new Date(0));
        feed.setEntries(List.of(entry(item)));
        Element entry = jdom(feed).getRootElement().getChild("entry", ATOM).detach();
        addLanguages(entry, List.of(item));
        return Xml.bytes(new Document(entry));
    }

    private static Entry entry(ItemView item) {
        Facts facts = new Facts(item.ninjs());
        Entry entry = new Entry();
        entry.setId(facts.uri());
        entry.setTitleEx(text("text", facts.title()));
        entry.setUpdated(Date.from(facts.versionCreated()));
        facts.instant("firstCreated").ifPresent(at -> entry.setPublished(Date.from(at)));
        (facts.canceled() ? facts.text("edNote") : facts.summary()).ifPresent(summary -> entry.setSummary(text("text", summary)));
        facts.body().ifPresent(body -> entry.setContents(List.of(text(body.isHtml() ? "html" : "text", body.value()))));
        List<SyndPerson> authors = new ArrayList<>();
        facts.text("by").or(() -> facts.text("copyrightHolder")).ifPresent(name -> authors.add(person(name)));
        entry.setAuthors(authors);
        List<SyndPerson> contributors = new ArrayList<>();
        for (tools.jackson.databind.JsonNode source : facts.ninjs().path("infoSources")) {
            String name = source.path("name").asString(source.path("literal").asString(""));
            String role = source.path("role").asString("");
            if (!name.isEmpty()) {
                contributors.add(person(role.isEmpty() ? name : name + " (" + role + ")"));
            }
        }
        entry.setContributors(contributors);
        facts.usageTerms().ifPresent(entry::setRights);
        entry.setAlternateLinks(List.of(link("alternate", item.href(), "application/json")));
        List<Link> enclosures = new ArrayList<>();
        for (Facts.Rendition r : facts.renditions()) {
            Link enclosure = link("enclosure", r.href(), r.contentType().orElse(null));
            r.size().ifPresent(enclosure::setLength);
            r.title().or(() -> java.util.Optional.of(r.name()).filter(n -> !n.isEmpty())).ifPresent(enclosure::setTitle);
            enclosures.add(enclosure);
        }
        entry.setOtherLinks(enclosures);
        List<Category> categories = new ArrayList<>();
        categories.add(category(EVENT_SCHEME, item.event().wire(), null));
        categories.add(category(PUB_STATUS_SCHEME, facts.pubStatus(), null));
        for (String[] subject : facts.subjects()) {
            categories.add(category(null, subject[1].isEmpty() ? subject[0] : subject[1], subject[0].isEmpty() ? null : subject[0]));
        }
        entry.setCategories(categories);
        return entry;
    }

    /** ROME has no field for xml:lang on an entry's parts (RFC 4287 section 2): set on title, summary and content. */
    private static void addLanguages(Element parent, List<ItemView> items) {
        List<Element> entries = parent.getName().equals("entry") ? List.of(parent) : parent.getChildren("entry", ATOM);
        for (int i = 0; i < entries.size(); i++) {
            Facts facts = new Facts(items.get(i).ninjs());
            Element entry = entries.get(i);
            facts.language().ifPresent(language -> {
                for (String part : new String[] {"title", "summary", "content"}) {
                    Element element = entry.getChild(part, ATOM);
                    if (element != null) {
                        element.setAttribute("lang", language, Namespace.XML_NAMESPACE);
                    }
                }
            });
        }
    }

    private static Document jdom(Feed feed) {
        try {
            return new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused the Atom feed Ponte built", e);
        }
    }

    private static Content text(String type, String value) {
        Content content = new Content();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Category category(String scheme, String term, String label) {
        Category category = new Category();
        category.setScheme(scheme);
        category.setTerm(term);
        category.setLabel(label);
        return category;
    }
}
