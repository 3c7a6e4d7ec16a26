package ponte.core.translation;

import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.coproduction.Cosigning;
import ponte.core.coproduction.Draft;
import ponte.core.items.Content;
import ponte.core.reading.Reading;

/**
 * Machine translation of an item its owner asks for: the engine translates the latest version into another language,
 * and the result is held, labelled as machine-generated, as the first draft of a new language version; it reaches the
 * log only when a human editor of every owner has approved it ({@link Cosigning}).
 */
public final class Translating {
    /** Rewrites a document into another language with the engine; the adapter that reads documents does it. */
    @FunctionalInterface
    public interface Documents {
        Content translate(Content source, String from, String to, MachineTranslation engine);
    }

    private final Optional<MachineTranslation> engine;
    private final Reading reading;
    private final Cosigning cosigning;

    public Translating(Optional<MachineTranslation> engine, Reading reading, Cosigning cosigning) {
        this.engine = engine;
        this.reading = reading;
        this.cosigning = cosigning;
    }

    public Optional<MachineTranslation.Engine> engine() {
        return engine.map(MachineTranslation::engine);
    }

    public Draft machineTranslate(Caller caller, ponte.core.items.ItemId source, String language, Documents documents) {
        Reading.Visible visible = reading.read(caller, source, Optional.empty());
        if (!visible.asOwner()) {
            throw new NotFound("no such item"); // a partner translates nothing of what it receives: it is not its own
        }
        caller.actingFor(Role.EDITOR); // seeing comes before the role: an owner's partner key lacks it
        if (visible.item().killed()) {
            throw new Conflict("item " + source + " was killed and is not translated");
        }
        MachineTranslation mt = engine.orElseThrow(() -> new Invalid("/language",
                "this node has no machine translation engine: install Apertium with a language pair, or give --mt-url"));
        String from = visible.version().content().language()
                .orElseThrow(() -> new Invalid("/language", "the item declares no language to translate from"));
        if (!mt.translates(from, language)) {
            throw new Invalid("/language", mt.engine().name() + " does not translate from " + from + " into " + language);
        }
        Content translated = documents.translate(visible.version().content(), from, language, mt);
        return cosigning.hold(caller, visible.item(), visible.version(), translated);
    }
}
