package ponte.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Field names of the index, and the few encodings several classes share. */
final class Fields {
    static final String ID = "id";
    /** A stable 64-bit key per item: breaks ties so no two documents share a sort position. */
    static final String KEY = "key";
    /** First publication, epoch milliseconds: newest-first order, from/to and the histogram. */
    static final String CREATED = "created";
    static final String OWNER = "owner";
    static final String PRODUCT = "product";
    /** Ranges covering the declared language, for the scope's licence languages (a detected language never counts). */
    static final String GATE_LANGUAGE = "gate_language";
    /** Ranges covering the effective language (declared, else detected), for the lang filter. */
    static final String LANGUAGE = "language";
    static final String TYPE = "type";
    static final String SUBJECT = "subject";
    static final String COUNTRY = "country";
    static final String KILLED = "killed";
    /** The set an item joined with translationOf (its first item's id); absent on a set's first item and on items alone. */
    static final String SET = "language_set";
    /** Everything a candidate needs, in one binary doc value: see {@link Facts}. */
    static final String FACTS = "facts";

    private Fields() {}

    /**
     * Every BCP 47 range that basic filtering (RFC 4647) would match against the tag: "*", the tag and each prefix
     * ending before a hyphen ("zh-hans-cn" → "zh-hans", "zh"), lower case as licences store them.
     */
    static List<String> rangesCovering(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        List<String> ranges = new ArrayList<>(List.of("*", t));
        for (int i = t.indexOf('-'); i >= 0; i = t.indexOf('-', i + 1)) {
            ranges.add(t.substring(0, i));
        }
        return ranges;
    }

    /** 64-bit FNV-1a of the item id. */
    static long key(String itemId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : itemId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
