package ponte.api;

import ponte.formats.AtomWriter;
import ponte.formats.NewsMlWriter;
import ponte.formats.NinjsVersions;
import ponte.formats.RssWriter;

/** The representations of items and feed pages a reader can ask for (API.md, "Formats"). */
enum Format {
    NINJS("application/json;charset=utf-8", "application/json;charset=utf-8"),
    NINJS_22("application/json;charset=utf-8;profile=\"" + NinjsVersions.SCHEMA_22 + "\"",
            "application/json;charset=utf-8;profile=\"" + NinjsVersions.SCHEMA_22 + "\""),
    ATOM(AtomWriter.MEDIA_TYPE + ";charset=utf-8", AtomWriter.MEDIA_TYPE + ";type=entry;charset=utf-8"),
    RSS(RssWriter.MEDIA_TYPE + ";charset=utf-8", RssWriter.MEDIA_TYPE + ";charset=utf-8"),
    NEWSML_G2(NewsMlWriter.MESSAGE_TYPE + ";charset=utf-8", NewsMlWriter.ITEM_TYPE + ";charset=utf-8");

    /** Content-Type of a feed page and of one item in this format. */
    final String feedType;
    final String itemType;

    Format(String feedType, String itemType) {
        this.feedType = feedType;
        this.itemType = itemType;
    }

    boolean isJson() {
        return this == NINJS || this == NINJS_22;
    }
}
