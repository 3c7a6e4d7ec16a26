package ponte.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.media.Attaching;
import ponte.core.media.HeldItem;
import ponte.core.media.HeldItems;
import ponte.core.media.Media;
import ponte.core.orgs.OrgId;
import ponte.formats.NinjsWriter;
import ponte.formats.Renditions;
import tools.jackson.databind.JsonNode;

/**
 * The media an editor attaches from the desk's compose and edit forms, under the rules of the API's {@code "media"}
 * beside the ninjs: the files are the org's own, ready or processing ({@link Attaching}); the ready ones' renditions
 * are written into the ninjs ({@link Renditions#attached}); a story naming a file still processing is held, kept as the
 * API request it amounts to, and published by the node's held-item release exactly as a held API request is.
 */
public final class DeskMedia {
    private final Attaching attaching;
    private final HeldItems held;
    private final Clock clock;

    public DeskMedia(Attaching attaching, HeldItems held, Clock clock) {
        this.attaching = attaching;
        this.held = held;
        this.clock = clock;
    }

    /** A story held for its media, as the desk lists it. */
    public record Waiting(String id, Optional<ItemId> item, String headline, List<String> waitingFor, Optional<String> reason, Instant since) {}

    /** The files the form offers: the org's own, ready or still processing, newest first. */
    List<Media> attachable(Caller caller) {
        return attaching.attachable(caller);
    }

    /** The files the story names; an unknown, another org's or a failed one is refused at {@code /media/<n>}. */
    List<Media> named(Caller caller, Story story) {
        return attaching.awaited(caller, story.media(), "/media");
    }

    /** The story's ninjs carrying the renditions of the named files that are ready. */
    static JsonNode ninjs(Story story, List<Media> media, String base) {
        return Renditions.attached(story.ninjs(), Attaching.ready(media), base);
    }

    /** Records which files the item's latest version carries, for the gate of their downloads. */
    void attached(ItemId item, List<Media> media) {
        attaching.attached(item, media);
    }

    /** Keeps the story as its API request until every file is ready; no partner sees it meanwhile. */
    void hold(Caller caller, Optional<ItemId> item, Story story, Optional<String> signal, String base, List<Media> media) {
        OrgId org = caller.actingFor(Role.EDITOR);
        Caller.Member member = (Caller.Member) caller;
        held.hold(new HeldItem(UUID.randomUUID().toString(), new Caller.Member(org, member.role(), member.key(), Optional.empty(), member.person()), item,
                story.request(signal).toString(), base, media.stream().map(Media::id).toList(), Optional.empty(), clock.instant()));
    }

    /** The org's stories waiting for their media (or stuck, a file having failed), oldest first. */
    List<Waiting> waiting(Caller caller) {
        OrgId org = caller.actingFor(Role.EDITOR);
        return held.all().stream().filter(h -> h.caller().org().equals(org)).map(this::waiting).toList();
    }

    private Waiting waiting(HeldItem h) {
        JsonNode body = NinjsWriter.mapper().readTree(h.body());
        String headline = "";
        for (JsonNode line : body.path("ninjs").path("headlines")) {
            headline = line.path("value").asString("");
            break;
        }
        List<String> files = h.media().stream().filter(attaching::processing).toList();
        return new Waiting(h.id(), h.item(), headline, files, h.reason(), h.createdAt());
    }
}
