package ponte.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.util.Blocker;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.log.Tail;
import ponte.core.orgs.OrgId;
import ponte.core.reach.Reads;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /v1/stream: the partner's feed as Server-Sent Events (https://html.spec.whatwg.org/multipage/server-sent-events.html),
 * live. Each event's id is the entry's cursor, so a client that reconnects with Last-Event-ID resumes exactly where
 * it stopped. Every stream runs on its own virtual thread and blocks only itself: a slow reader fills its own TCP
 * buffer, and Jetty's idle timeout ends a stream whose reader stops reading altogether.
 */
public final class StreamResource implements Resource {
    private static final int PAGE = 100;

    private final Feeds feeds;
    private final Tail tail;
    private final Duration heartbeat;
    private final ItemViews views;
    private final Reads reads;

    /** @param heartbeat how long a stream stays silent before it sends a comment, so proxies keep it open */
    public StreamResource(Feeds feeds, Tail tail, Duration heartbeat, ItemViews views, Reads reads) {
        this.feeds = feeds;
        this.tail = tail;
        this.heartbeat = heartbeat;
        this.views = views;
        this.reads = reads;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/stream", this::stream);
    }

    private void stream(Exchange x) throws Exception {
        Caller caller = x.caller();
        OrgId partner = caller.actingFor(Role.PARTNER);
        // Last-Event-ID is what a browser's EventSource sends on reconnect; it wins over the query it reconnects to.
        Optional<String> lastEventId = Optional.ofNullable(x.request.getHeaders().get("Last-Event-ID")).filter(v -> !v.isBlank());
        Cursor asked = x.after(); // refused when malformed, even where the header wins: a bad request is never half-read
        Cursor after = lastEventId.isPresent() ? Cursor.parse("Last-Event-ID", lastEventId.get()) : asked;
        x.streaming(200, "text/event-stream;charset=utf-8");
        x.header("Cache-Control", "no-store");
        x.header("X-Accel-Buffering", "no"); // nginx in front must not buffer a stream
        try {
            write(x, ": ponte stream for " + partner + "\nretry: 2000\n\n");
            while (true) {
                Feeds.Page page = feeds.page(caller, after, PAGE);
                StringBuilder events = new StringBuilder();
                for (int i = 0; i < page.entries().size(); i++) {
                    FeedEntry e = page.entries().get(i);
                    ObjectNode data = JsonNodeFactory.instance.objectNode().put("cursor", e.cursor().encode()).put("event", e.event().wire());
                    data.set("item", views.tree(e.item(), e.version(), page.access(i).licence()));
                    events.append("id: ").append(e.cursor().encode()).append("\nevent: ").append(e.event().wire())
                            .append("\ndata: ").append(data).append("\n\n");
                }
                if (!events.isEmpty()) {
                    write(x, events.toString());
                    reads.fed(partner, page.next()); // one fact per page written, none per entry
                }
                boolean more = page.next().compareTo(after) > 0;
                after = page.next();
                if (more) {
                    continue;
                }
                if (!tail.await(partner, after, heartbeat) && !tail.closed()) {
                    write(x, ": heartbeat\n\n");
                }
                if (tail.closed()) { // the node is stopping: end the stream; the client reconnects with Last-Event-ID
                    x.response.write(true, ByteBuffer.allocate(0), x.callback);
                    return;
                }
            }
        } catch (IOException clientGone) {
            x.callback.failed(clientGone); // the client went away: the normal way for a stream to end
        }
    }

    static void write(Exchange x, String text) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            x.response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            written.block();
        }
    }

}
