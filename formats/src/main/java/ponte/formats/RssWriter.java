package ponte.formats;

import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
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
 * RSS 2.0, written with ROME, with {@code atom:link rel="self"} (and rel="next" for the next page) as the RSS Advisory
 * Board recommends. The guid is the item's uri (not a permalink); RSS allows one enclosure per item, so the first
 * rendition is it. A kill stays an item, with the IPTC pubStatus "canceled" as a category.
 */
public final class RssWriter {
    public static final String MEDIA_TYPE = "application/rss+xml";
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    public byte[] page(FeedPage page) {
        Instant newest = page.entries().stream().map(e -> new Facts(e.item().ninjs()).versionCreated())
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return write(page.title(), page.self(), page.next(), newest, page.entries().stream().map(FeedPage.Entry::item).toList());
    }

    /** One item as a channel of one (RSS has no single-item document). */
    public byte[] item(ItemView item) {
        Facts facts = new Facts(item.ninjs());
        return write(facts.title(), item.href(), null, facts.versionCreated(), List.of(item));
    }

    private static byte[] write(String title, String self, String next, Instant updated, List<ItemView> views) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(title);
        channel.setLink(self);
        channel.setDescription(title);
        channel.setGenerator("Ponte");
        // As for Atom's updated: the newest entry, so that the same page is always the same bytes.
        channel.setLastBuildDate(Date.from(updated));
        List<Item> items = new ArrayList<>();
        for (ItemView view : views) {
            items.add(rssItem(view));
        }
        channel.setItems(items);
        Document document;
        try {
            document = new WireFeedOutput().outputJDom(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused the RSS channel Ponte built", e);
        }
        Element rss = document.getRootElement();
        rss.addNamespaceDeclaration(ATOM);
        Element channelElement = rss.getChild("channel");
        channelElement.addContent(0, atomLink("self", self));
        if (next != null) {
            channelElement.addContent(1, atomLink("next", next));
        }
        return Xml.bytes(document);
    }

    private static Item rssItem(ItemView view) {
        Facts facts = new Facts(view.ninjs());
        Item item = new Item();
        item.setTitle(facts.title());
        item.setLink(view.href());
        (facts.canceled() ? facts.text("edNote") : facts.summary().or(() -> facts.body().filter(b -> !b.isHtml()).map(Facts.Body::value)))
                .ifPresent(text -> {
                    Description description = new Description();
                    description.setType("text/plain");
                    description.setValue(text);
                    item.setDescription(description);
                });
        Guid guid = new Guid();
        guid.setValue(facts.uri());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(facts.versionCreated()));
        facts.renditions().stream().findFirst().ifPresent(r -> {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(r.href());
            enclosure.setType(r.contentType().orElse("application/octet-stream"));
            enclosure.setLength(r.size().orElse(0L));
            item.setEnclosures(List.of(enclosure));
        });
        List<Category> categories = new ArrayList<>();
        categories.add(category(AtomWriter.EVENT_SCHEME, view.event().wire()));
        categories.add(category(AtomWriter.PUB_STATUS_SCHEME, facts.pubStatus()));
        for (String[] subject : facts.subjects()) {
            categories.add(category(subject[1].isEmpty() ? null : subject[1], subject[0].isEmpty() ? subject[1] : subject[0]));
        }
        item.setCategories(categories);
        return item;
    }

    private static Element atomLink(String rel, String href) {
        return new Element("link", ATOM).setAttribute("href", href).setAttribute("rel", rel).setAttribute("type", MEDIA_TYPE);
    }

    private static Category category(String domain, String value) {
        Category category = new Category();
        category.setDomain(domain);
        category.setValue(value);
        return category;
    }
}
