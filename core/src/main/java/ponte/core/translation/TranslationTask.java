package ponte.core.translation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * A language version the desk wants made of an item: into {@code language}, by {@code assignee} (an org owning the
 * item, a co-production's party), by {@code due}; open until marked done.
 */
public record TranslationTask(String id, ItemId item, String language, OrgId assignee, Optional<Instant> due, boolean done,
                              OrgId createdBy, Instant createdAt, Optional<Instant> doneAt) {
    public TranslationTask {
        Objects.requireNonNull(id);
        Objects.requireNonNull(item);
        Objects.requireNonNull(language);
        Objects.requireNonNull(assignee);
        Objects.requireNonNull(due);
        Objects.requireNonNull(createdBy);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(doneAt);
    }
}
