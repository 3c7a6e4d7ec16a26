package ponte.api;

import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.translation.TranslationDesk;
import ponte.core.translation.TranslationTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/translation-tasks: the language versions the desk has asked of an item's owners, open until done. */
public final class TranslationTasksResource implements Resource {
    private static final Members NEW_TASK = Members.of("item", "language", "assignee", "due");

    private final TranslationDesk desk;

    public TranslationTasksResource(TranslationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/translation-tasks", this::assign);
        routes.add("GET", "/v1/translation-tasks", this::list);
        routes.add("GET", "/v1/translation-tasks/{id}", this::show);
        routes.add("POST", "/v1/translation-tasks/{id}/done", this::done);
    }

    private void assign(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW_TASK);
        ItemId item = JsonInput.at("/item", () -> new ItemId(JsonInput.text(body, "item")));
        String language = JsonInput.text(body, "language");
        JsonInput.languageTag(language, "/language");
        OrgId assignee = JsonInput.at("/assignee", () -> new OrgId(JsonInput.text(body, "assignee")));
        TranslationTask task = desk.assign(caller, item, language, assignee, AgreementTerms.instant(body, "due"));
        x.header("Location", "/v1/translation-tasks/" + task.id());
        x.json(201, view(task));
    }

    private void done(Exchange x) {
        var caller = x.caller();
        x.optionalBody(Members.NONE);
        x.json(200, view(desk.done(caller, x.path("id"))));
    }

    private void show(Exchange x) {
        x.json(200, view(desk.read(x.caller(), x.path("id"))));
    }

    /** The tasks on the caller's org's items, oldest first; {@code ?state=open} leaves out those done. */
    private void list(Exchange x) {
        var caller = x.caller();
        Optional<String> state = x.query("state");
        if (state.isPresent() && !state.get().equals("open") && !state.get().equals("all")) {
            throw new Invalid("/state", "state is open or all");
        }
        Paging.send(x, Paging.of(x, desk.desk(caller, state.orElse("all").equals("open")), t -> Paging.position(t.createdAt(), t.id())),
                TranslationTasksResource::view);
    }

    private static ObjectNode view(TranslationTask t) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", t.id()).put("item", t.item().value()).put("language", t.language())
                .put("assignee", t.assignee().value()).put("state", t.done() ? "done" : "open");
        t.due().ifPresent(d -> node.put("due", d.toString()));
        node.put("createdBy", t.createdBy().value()).put("createdAt", t.createdAt().toString());
        t.doneAt().ifPresent(d -> node.put("doneAt", d.toString()));
        return node;
    }
}
