package ponte.core.media;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;

/**
 * An editor attaching a WebVTT subtitle track in one language to a video or audio file: kept as the rendition
 * {@code subtitles-<lang>} ({@code text/vtt}), replacing an earlier track in that language.
 */
public final class Subtitling {
    /** A subtitle track is text: 2 MB is hours of dialogue. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** BCP 47, as languages are written everywhere in the API (it, zh-Hans, pt-BR). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private final MediaLibrary library;
    private final MediaStore store;
    private final Audit audit;

    public Subtitling(MediaLibrary library, MediaStore store, Audit audit) {
        this.library = library;
        this.store = store;
        this.audit = audit;
    }

    /**
     * @param text  the track, decoded as UTF-8
     * @param bytes the same track as sent, stored as it is
     */
    public Media subtitle(Caller caller, String mediaId, String language, String text, byte[] bytes) {
        Media media = library.byId(mediaId).filter(m -> caller.belongsTo(m.owner())).orElseThrow(() -> new NotFound("no such media"));
        caller.actingFor(Role.EDITOR);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new Invalid("/lang", "lang must be a BCP 47 language tag such as it, en or zh-Hans");
        }
        if (media.state() == MediaState.DELETED) {
            throw new ponte.core.Conflict("media " + mediaId + " was deleted; its items were killed");
        }
        if (media.kind() == MediaKind.PHOTO) {
            throw new Invalid("", "subtitles belong to video and audio, and media " + mediaId + " is a photo");
        }
        // WebVTT section 4.1: an optional byte order mark, then "WEBVTT" followed by a space, a tab or a line end.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!body.startsWith("WEBVTT") || body.length() > 6 && " \t\r\n".indexOf(body.charAt(6)) < 0) {
            throw new Invalid("", "the body must be a WebVTT file: it starts with the line WEBVTT");
        }
        Blob blob = store.save(bytes);
        Rendition track = new Rendition("subtitles-" + language, "text/vtt", blob, Optional.empty(), Optional.empty(), Optional.empty());
        audit.change(caller, Action.MEDIA_SUBTITLE, () -> library.putRendition(mediaId, track),
                new Audit.Note(mediaId, "attached " + language + " subtitles of " + bytes.length + " bytes", Set.of(media.owner())));
        return library.byId(mediaId).orElseThrow();
    }
}
