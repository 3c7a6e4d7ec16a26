package ponte.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import ponte.core.media.TypeSniffer;
import ponte.core.media.UploadBroken;

/**
 * A file's type from its magic bytes with Tika's registry (tika-core only: no parsers). Reads the first 64 KB, the
 * most any of Tika's magic patterns looks at, and hands them back in front of the rest, so nothing is read twice.
 */
public final class TikaSniffer implements TypeSniffer {
    private static final int HEAD = 64 * 1024;
    /** Containers whose one signature several names claim: an .m4a is an MP4 file, and a QuickTime file may be labelled MP4. */
    private static final Set<Set<String>> SAME_CONTAINER = Set.of(
            Set.of("video/mp4", "audio/mp4", "application/mp4", "video/quicktime", "audio/x-m4a", "video/x-m4v"),
            Set.of("audio/mpeg", "audio/mp3"),
            Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav"),
            Set.of("video/x-matroska", "video/webm", "audio/webm"),
            Set.of("audio/ogg", "video/ogg", "audio/vorbis", "audio/opus"));

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    @Override
    public Sniffed sniff(ReadableByteChannel body) {
        InputStream in = Channels.newInputStream(body);
        byte[] head;
        try {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UploadBroken("the upload ended before its last byte: " + e.getMessage(), e);
        }
        MediaType type;
        try {
            type = types.detect(new ByteArrayInputStream(head), new Metadata());
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
        return new Sniffed(registry.normalize(type).getBaseType().toString(),
                Channels.newChannel(new SequenceInputStream(new ByteArrayInputStream(head), in)));
    }

    @Override
    public Optional<String> agreed(String claimed, String sniffed) {
        MediaType parsed = MediaType.parse(claimed == null ? "" : claimed.toLowerCase(Locale.ROOT).strip());
        if (parsed == null) {
            return Optional.empty();
        }
        String c = registry.normalize(parsed).getBaseType().toString();
        String s = registry.normalize(MediaType.parse(sniffed)).getBaseType().toString();
        if (c.equals(s) || registry.isSpecializationOf(MediaType.parse(s), MediaType.parse(c)) && !c.equals("application/octet-stream")) {
            return Optional.of(s);
        }
        // One container, several names: the uploader's name is the more precise (an .mp4 is not a QuickTime movie to a player).
        return SAME_CONTAINER.stream().anyMatch(family -> family.contains(c) && family.contains(s)) ? Optional.of(c) : Optional.empty();
    }
}
