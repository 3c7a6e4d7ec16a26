package ponte.core.media;

import java.nio.channels.ReadableByteChannel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.orgs.OrgId;

/**
 * An editor uploading a video, photo or audio file. The bytes decide what the file is: its type is sniffed from them
 * and must agree with the type the uploader claims, before anything is stored; the file is then stored whole (never
 * in memory) and queued for renditions.
 */
public final class Uploading {
    static final int MAX_FILENAME = 255;

    private final MediaLibrary library;
    private final MediaStore store;
    private final TypeSniffer sniffer;
    private final Transcoder transcoder;
    private final Preparing preparing;
    private final Audit audit;
    private final Ids ids;
    private final Clock clock;
    private final long maxBytes;

    /** @param maxBytes the largest upload the node takes (413 beyond) */
    public Uploading(MediaLibrary library, MediaStore store, TypeSniffer sniffer, Transcoder transcoder, Preparing preparing, Audit audit,
                     Ids ids, Clock clock, long maxBytes) {
        this.library = library;
        this.store = store;
        this.sniffer = sniffer;
        this.transcoder = transcoder;
        this.preparing = preparing;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /**
     * @param claimedType    the request's Content-Type
     * @param declaredLength the request's Content-Length, or -1 when it has none (chunked)
     */
    public Media upload(Caller caller, String claimedType, Optional<String> filename, long declaredLength, ReadableByteChannel body) {
        OrgId org = caller.actingFor(Role.EDITOR);
        filename.ifPresent(Uploading::checkFilename);
        transcoder.unavailable().ifPresent(why -> {
            throw new CannotPrepare(why);
        });
        if (declaredLength > maxBytes) {
            throw new UploadTooLarge(maxBytes);
        }
        if (declaredLength == 0) {
            throw new Invalid("", "the body must be the file itself, and it is empty");
        }
        TypeSniffer.Sniffed sniffed = sniffer.sniff(body);
        if (MediaKind.of(sniffed.contentType()).isEmpty()) {
            throw new Invalid("", "Ponte takes video, audio and photo files; these bytes are " + sniffed.contentType());
        }
        String type = sniffer.agreed(claimedType, sniffed.contentType()).orElseThrow(() -> new Invalid("",
                "the bytes are " + sniffed.contentType() + ", not the " + claimedType + " the Content-Type claims"));
        Blob original = store.save(sniffed.body(), maxBytes);
        Media media = new Media(ids.next(), org, type, filename, original, MediaState.PROCESSING, 0, Optional.empty(), clock.instant(), List.of(),
                Optional.empty());
        audit.change(caller, Action.MEDIA_UPLOAD, () -> library.create(media), new Audit.Note(media.id(),
                "uploaded " + type + " of " + original.size() + " bytes" + filename.map(f -> " (" + f + ")").orElse(""), Set.of(org)));
        preparing.wake();
        return media;
    }

    /** The file, to an editor of its org; to anyone else it does not exist. */
    public Media get(Caller caller, String id) {
        Media media = library.byId(id).filter(m -> caller.belongsTo(m.owner())).orElseThrow(() -> new NotFound("no such media"));
        caller.actingFor(Role.EDITOR);
        return media;
    }

    private static void checkFilename(String name) {
        if (name.length() > MAX_FILENAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || name.contains("/") || name.contains("\\")) {
            throw new Invalid("/filename", "filename must be a file's name: up to " + MAX_FILENAME + " characters, no path, no control characters");
        }
    }
}
