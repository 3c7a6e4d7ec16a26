package ponte.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ponte.core.Invalid;
import ponte.core.access.Role;
import ponte.core.media.Media;
import ponte.core.media.Uploading;
import ponte.core.reading.Downloading;

/**
 * The desk's media: an editor uploads a video, photo or audio file from a form (the same {@link Uploading} use case as
 * {@code POST /v1/media}: type sniffed, size capped, audited, prepared in the background) and follows its state
 * (processing with progress, ready with its renditions, failed with the reason) on the file's page.
 */
public final class MediaPages implements Section {
    private final Uploading uploading;
    private final Downloading downloading;
    private final Path spool;
    private final long maxBytes;

    /**
     * @param downloading the gate of rendition downloads, which the desk's players go through as the signed-in person
     * @param spool       where a form's file waits while it is read (a directory this creates)
     */
    public MediaPages(Uploading uploading, Downloading downloading, Path spool, long maxBytes) {
        this.uploading = uploading;
        this.downloading = downloading;
        this.spool = spool;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/desk/upload", this::form)
                .post("/app/desk/media", this::upload)
                .get("/app/desk/media/{id}", this::media)
                .get("/app/desk/media/{id}/renditions/{name}", this::rendition);
    }

    /** Where the desk plays or previews one of its org's renditions, as the person signed in (a key's href needs a key). */
    static String href(String mediaId, String rendition) {
        return "/app/desk/media/" + mediaId + "/renditions/" + rendition;
    }

    /**
     * A rendition of the desk's own file for the signed-in person, through the same gate as
     * {@code GET /v1/media/{id}/renditions/{name}}; the desk is the owner org's, so anyone else, even a partner the gate
     * would let download it by an item's link, finds it missing (404) here.
     */
    private void rendition(Visit visit) throws IOException {
        Downloading.Download d = downloading.find(visit.caller(), visit.param("id"), visit.param("name"));
        if (d.partner().isPresent()) {
            throw new ponte.core.NotFound("no such media on this desk");
        }
        long sent = visit.stream(d.rendition().contentType(), d.rendition().blob().size(), "\"" + d.rendition().blob().sha256() + "\"",
                (from, length) -> downloading.open(d, from, length));
        downloading.completed(d, sent);
    }

    private void form(Visit visit) {
        visit.caller().actingFor(Role.EDITOR);
        visit.render(200, "media-upload.jte", Map.of("page", visit.page(visit.messages().t("media.upload"))));
    }

    private void upload(Visit visit) {
        visit.caller().actingFor(Role.EDITOR);
        Visit.Upload file = visit.upload("file", spool, maxBytes).orElseThrow(() -> new Invalid("/file", "choose a file to upload"));
        Media media = uploading.upload(visit.caller(), file.contentType(), file.filename(), file.length(), file.body());
        visit.redirect("/app/desk/media/" + media.id());
    }

    private void media(Visit visit) {
        Media media = uploading.get(visit.caller(), visit.param("id"));
        visit.render(200, "media.jte", Map.of("page", visit.page(media.filename().orElse(media.id())), "media", media,
                "preview", MediaView.of(media)));
    }
}
