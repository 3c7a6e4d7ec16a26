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

/**
 * The desk's media: an editor uploads a video, photo or audio file from a form (the same {@link Uploading} use case as
 * {@code POST /v1/media}: type sniffed, size capped, audited, prepared in the background) and follows its state
 * (processing with progress, ready with its renditions, failed with the reason) on the file's page.
 */
public final class MediaPages implements Section {
    private final Uploading uploading;
    private final Path spool;
    private final long maxBytes;

    /** @param spool where a form's file waits while it is read (a directory this creates) */
    public MediaPages(Uploading uploading, Path spool, long maxBytes) {
        this.uploading = uploading;
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
                .get("/app/desk/media/{id}", this::media);
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
        visit.render(200, "media.jte", Map.of("page", visit.page(media.filename().orElse(media.id())), "media", media));
    }
}
