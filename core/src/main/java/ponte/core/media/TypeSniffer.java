package ponte.core.media;

import java.nio.channels.ReadableByteChannel;

/** Port: the media type of a file told from its first bytes (magic numbers), never from its name or header. */
public interface TypeSniffer {
    /** The type, and the body to read from its start again (the sniffed bytes are replayed, not re-read). */
    record Sniffed(String contentType, ReadableByteChannel body) {}

    Sniffed sniff(ReadableByteChannel body);

    /**
     * The type to record for a file sniffed as {@code sniffed} and called {@code claimed}, when the two agree (equal,
     * an alias, a subtype, or one container known by several names: an MP4 file sniffs as QuickTime); empty when not.
     */
    java.util.Optional<String> agreed(String claimed, String sniffed);
}
