package ponte.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.media.RenditionProfile;
import ponte.formats.NinjsWriter.Terms;
import ponte.formats.Renditions;
import ponte.formats.SignedHrefs;
import ponte.formats.Writers;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders versions as ninjs for a reader: its owners, or a partner with the licence the gate named. Rendered bytes are
 * kept per (item version, licence, ninjs version): a version never changes, and a licence object stands for exactly
 * one set of terms (the gate's snapshot makes new objects when licences change, so a change misses the cache rather
 * than reusing stale terms). Org names never change once registered. So a feed page is the gate's answers plus
 * copies of bytes rendered once, not fifty JSON trees per request. One is shared by every resource that renders items.
 */
public final class ItemViews {
    /** A rendering and a digest of its bytes, for entity tags. */
    record Rendered(byte[] bytes, long digest) {}

    /**
     * Identity, not equality, of the licence: equal-looking licences from different snapshots are not assumed equal.
     * Mutable only so that one key can be reused for every lookup of a page ({@link #lookup()}); stored keys never change.
     */
    static final class Key {
        private String item;
        private int version;
        private boolean ninjs22;
        private Licence licence;
        private RenditionProfile profile;
        private long window;
        private int hash;

        Key set(String item, int version, boolean ninjs22, Licence licence, RenditionProfile profile, long window) {
            this.item = item;
            this.version = version;
            this.ninjs22 = ninjs22;
            this.licence = licence;
            this.profile = profile;
            this.window = window;
            this.hash = ((((item.hashCode() * 31 + version) * 31 + (ninjs22 ? 1 : 0)) * 31 + System.identityHashCode(licence)) * 31
                    + System.identityHashCode(profile)) * 31 + Long.hashCode(window);
            return this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.licence == licence && k.profile == profile && k.window == window && k.version == version
                    && k.ninjs22 == ninjs22 && k.item.equals(item);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
    // ~2 KB each: about 100 MB at most; cleared when full, which costs one re-render per entry read afterwards.
    private static final int CACHED = 50_000;

    private final Writers writers;
    private final Orgs orgs;
    private final Function<OrgId, RenditionProfile> profiles;
    private final SignedHrefs links;
    private final Clock clock;
    private final ConcurrentMap<OrgId, String> names = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * @param profiles which renditions each partner chose; the same object while unchanged (renderings are kept per
     *                 profile object, so a changed profile misses the cache)
     * @param links    signs a partner's rendition links (renderings are kept per window of the links' lifetime)
     */
    public ItemViews(Writers writers, Orgs orgs, Function<OrgId, RenditionProfile> profiles, SignedHrefs links, Clock clock) {
        this.writers = writers;
        this.orgs = orgs;
        this.profiles = profiles;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The version as the reader gets it, in ninjs 3.1 or 2.2. A partner reading under a licence gets the licence's
     * terms; without one (an owner, or an earlier recipient of a correction or kill) the editor's own terms stand.
     */
    Rendered ninjs(Item item, Version version, Optional<Licence> licence, boolean ninjs22) {
        return ninjs(item, version, licence, ninjs22, new Key());
    }

    /** A key to pass to {@link #ninjs(Item, Version, Optional, boolean, Key)} for every entry of one page. */
    static Key lookup() {
        return new Key();
    }

    Rendered ninjs(Item item, Version version, Optional<Licence> licence, boolean ninjs22, Key lookup) {
        RenditionProfile profile = profile(licence);
        long window = licence.isPresent() ? links.window(clock.instant()) : 0;
        Rendered cached = rendered.get(lookup.set(item.id().value(), version.number(), ninjs22, licence.orElse(null), profile, window));
        if (cached != null) {
            return cached;
        }
        Key key = new Key().set(item.id().value(), version.number(), ninjs22, licence.orElse(null), profile, window);
        ObjectNode tree = tree(item, version, licence, profile, window);
        byte[] bytes = writers.ninjs().bytes(ninjs22 ? writers.versions().to22(tree) : tree);
        Rendered fresh = new Rendered(bytes, Etags.digest(bytes));
        if (rendered.size() >= CACHED) {
            rendered.clear();
        }
        rendered.put(key, fresh);
        return fresh;
    }

    /** The ninjs 3.1 document as a tree, for the XML formats (which are written from it). */
    public ObjectNode tree(Item item, Version version, Optional<Licence> licence) {
        return tree(item, version, licence, profile(licence), links.window(clock.instant()));
    }

    /** A partner's copy lists the renditions it chose, each link signed for it; the owners' copy is the editor's. */
    private ObjectNode tree(Item item, Version version, Optional<Licence> licence, RenditionProfile profile, long window) {
        List<String> owners = ownerNames(item);
        Terms terms = licence.map(l -> Terms.partnerView(owners, l, name(l.licensor()), name(l.licensee())))
                .orElseGet(() -> Terms.ownerView(owners));
        ObjectNode tree = writers.ninjs().render(item, version, terms);
        if (licence.isEmpty()) {
            return tree;
        }
        ObjectNode chosen = profile == RenditionProfile.EVERYTHING ? tree : Renditions.keep(tree, profile::wants);
        return links.sign(chosen, licence.get().licensee(), links.expiry(window));
    }

    /** The renditions the licensee chose; every one for the owners' own reading (no licence). */
    private RenditionProfile profile(Optional<Licence> licence) {
        return licence.map(l -> profiles.apply(l.licensee())).orElse(RenditionProfile.EVERYTHING);
    }

    private List<String> ownerNames(Item item) {
        return item.owners().stream().sorted().map(this::name).toList();
    }

    String name(OrgId org) {
        return names.computeIfAbsent(org, id -> orgs.byId(id).map(Org::name).orElse(id.value()));
    }
}
