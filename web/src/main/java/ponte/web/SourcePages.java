package ponte.web;

import java.util.List;
import java.util.Map;
import ponte.core.access.Role;
import ponte.core.ingest.Ingesting;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceStatus;

/** The desk's ingest sources (other agencies' feeds the org files from) and how each is doing, through {@link Ingesting}. */
public final class SourcePages implements Section {
    private final Ingesting ingesting;

    public SourcePages(Ingesting ingesting) {
        this.ingesting = ingesting;
    }

    /** A source and its status, as the page shows them. */
    public record Watched(Source source, SourceStatus status) {}

    @Override
    public void register(Pages pages) {
        pages.get("/app/desk/sources", this::sources);
    }

    private void sources(Visit visit) {
        visit.caller().actingFor(Role.EDITOR);
        List<Watched> watched = ingesting.list(visit.caller()).stream()
                .map(s -> new Watched(s, ingesting.status(visit.caller(), s.id()))).toList();
        visit.render(200, "sources.jte", Map.of("page", visit.page(visit.messages().t("sources.title")), "sources", watched));
    }
}
