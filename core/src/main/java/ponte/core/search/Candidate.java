package ponte.core.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;

/**
 * A document the index proposes, with the facts it indexed: the item and the version as of the view (the version's
 * content carries the declared language, embargo, type and headline, not the ninjs document), and what facets count.
 * The gate judges {@code item} and {@code version}; the detected language never reaches it.
 */
public record Candidate(Item item, Version version, Facts facts, Position position) {
    /** What search adds to the item: the effective language (declared, else detected), subjects, countries of origin, set. */
    public record Facts(String language, boolean languageDetected, List<Subject> subjects, Set<String> countries, ItemId languageSet) {
        public Facts {
            subjects = List.copyOf(subjects);
            countries = Set.copyOf(countries);
        }
    }

    /** A ninjs subject: its code (the uri when it has one, else the name) and a name to show. */
    public record Subject(String code, String name) {}

    public ItemId id() {
        return item.id();
    }

    public Optional<String> headline() {
        return version.content().headline();
    }
}
