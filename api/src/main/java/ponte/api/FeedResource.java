package ponte.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Licence;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.orgs.OrgId;
import ponte.core.reach.Reads;
import ponte.formats.FeedPage;
import ponte.formats.ItemView;
import ponte.formats.Writers;

/**
 * GET /v1/feed: a partner's cursor feed of what it is entitled to, in log order, in any {@link Format}. Every entry
 * passes the gate ({@link Feeds#page}, whose answers for a page hold until the earliest instant one could change, or the
 * network changes); what follows is cheap: entries are cached renderings, the
 * entity tag is a digest of their digests, a 304 builds nothing, and a page made of the very same entries and gate
 * answers as when it was last sent is sent again as the same bytes under the same tag.
 */
public final class FeedResource implements Resource {
    static final int DEFAULT_LIMIT = 50;
    private static final byte[] ENTRIES = Etags.ascii("{\"entries\":[");
    private static final int REMEMBERED_PAGES = 4_096;

    /** The page a partner last read at one position, in one format: sent again while its tag is unchanged. */
    private record PageKey(OrgId partner, Format format, long after, int limit, String base, String extra) {}

    /**
     * What was sent for a page, with what it was made of: when the gate returns the very same entries and the very same
     * answers (objects that stand for immutable versions and one licence's terms), tag and bytes are those of last time.
     */
    private record Sent(String etag, byte[] bytes, String next, String link, FeedEntry[] entries, Entitlements.Access[] accesses) {
        boolean madeOf(Feeds.Page page, String pageNext) {
            int n = entries.length;
            if (page.entries().size() != n || !next.equals(pageNext)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (page.entries().get(i) != entries[i] || page.access(i) != accesses[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Feeds feeds;
    private final Writers writers;
    private final ItemViews views;
    private final Reads reads;
    /** Bounded by recency (W-TinyLFU): a page many partners poll stays while one-off pages come and go. */
    private final Cache<PageKey, Sent> sent = Caffeine.newBuilder().maximumSize(REMEMBERED_PAGES).build();

    /** @param reads where a page sent counts as read up to its last entry (a 304 counts nothing: nothing was sent) */
    public FeedResource(Feeds feeds, Writers writers, ItemViews views, Reads reads) {
        this.feeds = feeds;
        this.writers = writers;
        this.views = views;
        this.reads = reads;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/feed", this::page);
    }

    private void page(Exchange x) {
        Caller caller = x.caller();
        OrgId partner = caller.actingFor(Role.PARTNER);
        Optional<String> ninjsParameter = x.query("ninjs");
        Format format = Negotiation.choose(ninjsParameter, x.requestHeader(HttpHeader.ACCEPT));
        Cursor after = x.after();
        int limit = x.intQuery("limit", DEFAULT_LIMIT);
        Feeds.Page page = feeds.page(caller, after, limit);
        String next = page.next().encode();
        String extra = ninjsParameter.map(v -> "&ninjs=" + v).orElse("");
        String base = format.isJson() ? "" : x.base();

        PageKey key = new PageKey(partner, format, after.seq(), limit, base, extra);
        Sent last = sent.getIfPresent(key);
        ItemViews.Rendered[] items = null;
        String etag;
        if (last != null && last.madeOf(page, next)) {
            etag = last.etag();
        } else {
            last = null;
            int n = page.entries().size();
            items = new ItemViews.Rendered[n];
            Etags.Builder tag = Etags.builder().add(format.ordinal()).add(next).add(base).add(extra);
            ItemViews.Key lookup = ItemViews.lookup();
            for (int i = 0; i < n; i++) {
                FeedEntry e = page.entries().get(i);
                items[i] = views.ninjs(e.item(), e.version(), page.access(i).licence(), format == Format.NINJS_22, lookup);
                tag.add(e.cursor().seq()).add(e.event().ordinal()).add(items[i].digest());
            }
            etag = tag.tag();
        }
        x.header("Link", last != null ? last.link() : "</v1/feed?after=" + next + "&limit=" + limit + extra + ">; rel=\"next\"");
        if (x.notModified(etag)) {
            return;
        }
        if (last == null) {
            byte[] bytes = format.isJson() ? json(page, items, next) : xml(format, partner, page, after, limit, next, base, extra);
            last = new Sent(etag, bytes, next, "</v1/feed?after=" + next + "&limit=" + limit + extra + ">; rel=\"next\"",
                    page.entries().toArray(FeedEntry[]::new),
                    page.accesses().toArray(Entitlements.Access[]::new));
            sent.put(key, last);
        }
        x.send(200, format.feedType, last.bytes());
        if (page.next().compareTo(after) > 0) {
            reads.fed(partner, page.next());
        }
    }

    /** {"entries":[{"cursor":…,"event":…,"item":…},…],"next":…}, laid out from cached item bytes without a tree. */
    private static byte[] json(Feeds.Page page, ItemViews.Rendered[] items, String next) {
        List<byte[]> heads = new ArrayList<>(items.length);
        int length = ENTRIES.length;
        for (int i = 0; i < items.length; i++) {
            FeedEntry e = page.entries().get(i);
            byte[] head = Etags.ascii((i == 0 ? "" : ",") + "{\"cursor\":\"" + e.cursor().encode() + "\",\"event\":\"" + e.event().wire() + "\",\"item\":");
            heads.add(head);
            length += head.length + items[i].bytes().length + 1;
        }
        byte[] tail = Etags.ascii("],\"next\":\"" + next + "\"}");
        byte[] out = new byte[length + tail.length];
        int at = put(out, 0, ENTRIES);
        for (int i = 0; i < items.length; i++) {
            at = put(out, at, heads.get(i));
            at = put(out, at, items[i].bytes());
            out[at++] = '}';
        }
        put(out, at, tail);
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private byte[] xml(Format format, OrgId partner, Feeds.Page page, Cursor after, int limit, String next, String base, String extra) {
        List<FeedPage.Entry> entries = new ArrayList<>();
        for (int i = 0; i < page.entries().size(); i++) {
            FeedEntry e = page.entries().get(i);
            Optional<Licence> licence = page.access(i).licence();
            entries.add(new FeedPage.Entry(e.cursor().encode(),
                    new ItemView(e.event(), views.tree(e.item(), e.version(), licence), base + "/v1/items/" + e.item().id())));
        }
        String self = base + "/v1/feed?" + (after.seq() == 0 ? "" : "after=" + after.encode() + "&") + "limit=" + limit + extra;
        FeedPage feed = new FeedPage("urn:ponte:feed:" + partner.value(), "Ponte feed of " + views.name(partner), self,
                base + "/v1/feed?after=" + next + "&limit=" + limit + extra, next, entries);
        return switch (format) {
            case ATOM -> writers.atom().page(feed);
            case RSS -> writers.rss().page(feed);
            case NEWSML_G2 -> writers.newsMl().message(feed);
            case NINJS, NINJS_22 -> throw new IllegalStateException("json pages are laid out by json()");
        };
    }
}
