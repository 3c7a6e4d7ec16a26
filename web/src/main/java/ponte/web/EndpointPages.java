package ponte.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointFilter;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Format;
import ponte.core.delivery.Subscribing;
import ponte.core.log.Cursor;

/**
 * A partner's webhook endpoints: create one (its signing secret shown once), its delivery log and dead letters,
 * re-send dead letters, replay from a time. Everything through {@link Subscribing}, as the API's endpoints resource.
 */
public final class EndpointPages implements Section {
    private final Subscribing subscribing;

    public EndpointPages(Subscribing subscribing) {
        this.subscribing = subscribing;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/portal/endpoints", v -> list(v, 200, Optional.empty(), "", List.of()))
                .post("/app/portal/endpoints", this::create)
                .get("/app/portal/endpoints/{id}", v -> endpoint(v, Optional.empty()))
                .post("/app/portal/endpoints/{id}/resend", this::resend)
                .post("/app/portal/endpoints/{id}/replay", this::replay);
    }

    private void list(Visit visit, int status, Optional<Subscribing.Created> created, String url, List<Invalid.Violation> problems) {
        List<Endpoint> endpoints = subscribing.list(visit.caller());
        visit.render(status, "endpoints.jte", Map.of("page", visit.page(visit.messages().t("endpoints.title")), "endpoints", endpoints,
                "created", created, "url", url, "problems", problems));
    }

    private void create(Visit visit) {
        String url = visit.field("url").orElse("").strip();
        try {
            Format format = Format.fromWire(visit.field("format").orElse("ninjs"));
            Subscribing.Created created = subscribing.create(visit.caller(), url, format, EndpointFilter.ANY);
            list(visit, 200, Optional.of(created), "", List.of());
        } catch (Invalid e) {
            list(visit, 422, Optional.empty(), url, e.violations());
        }
    }

    private EndpointId id(Visit visit) {
        try {
            return new EndpointId(visit.param("id"));
        } catch (Invalid e) {
            throw new NotFound("no such endpoint");
        }
    }

    private void endpoint(Visit visit, Optional<String> done) {
        Endpoint endpoint = subscribing.get(visit.caller(), id(visit));
        visit.render(200, "endpoint.jte", Map.of("page", visit.page(endpoint.url()), "endpoint", endpoint,
                "progress", subscribing.progress(visit.caller(), endpoint.id()),
                "attempts", subscribing.attempts(visit.caller(), endpoint.id(), Optional.empty(), 50),
                "deadLetters", subscribing.deadLetters(visit.caller(), endpoint.id(), Cursor.START, 50),
                "done", visit.query("done").orElse("")));
    }

    private void resend(Visit visit) {
        EndpointId id = id(visit);
        Optional<Cursor> entry = visit.field("entry").filter(e -> !e.isBlank()).map(e -> Cursor.parse("entry", e));
        subscribing.resend(visit.caller(), id, entry);
        visit.redirect("/app/portal/endpoints/" + id.value() + "?done=resent");
    }

    private void replay(Visit visit) {
        EndpointId id = id(visit);
        String since = visit.field("since").orElse("");
        Instant from;
        try {
            from = LocalDateTime.parse(since).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Invalid("/since", "a date and time such as 2026-02-06T19:00");
        }
        subscribing.replay(visit.caller(), id, new Subscribing.From.Since(from));
        visit.redirect("/app/portal/endpoints/" + id.value() + "?done=replayed");
    }
}
