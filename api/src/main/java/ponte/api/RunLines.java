package ponte.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import ponte.core.ingest.Backfill;
import ponte.core.ingest.BackfillRun;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed import's answer as it goes, in NDJSON (a backfill's, an uploaded document's): a first line, progress about
 * four times a second, a {@code problem} line per refused line or entry with its number, and a last line saying how it
 * ended ({@code failed} with why when the store broke: what committed before stays).
 */
final class RunLines {
    static final String NDJSON = "application/x-ndjson";
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    /** Reads the body into the run, calling {@link #tick} as it goes; answers how the reading ended ("done", say). */
    interface Reading {
        String read(RunLines answer) throws IOException;
    }

    private final Exchange x;
    private final BackfillRun run;
    private final String number;
    private final boolean named;
    private final Function<String, ObjectNode> event;
    private long sent = System.nanoTime();

    /**
     * @param number the member naming a problem's place ("line" of a file, "number" of a document's entry)
     * @param named whether a problem line names its entry (its uri, or where it is)
     * @param event a progress line of the given type: what the run has come to
     */
    RunLines(Exchange x, BackfillRun run, String number, boolean named, Function<String, ObjectNode> event) {
        this.x = x;
        this.run = run;
        this.number = number;
        this.named = named;
        this.event = event;
    }

    /** Answers 200 at once and streams the run's progress while {@code reading} files the body. */
    void answer(ObjectNode first, Reading reading) throws IOException {
        x.streaming(200, NDJSON);
        x.header("Cache-Control", "no-store");
        x.header("X-Accel-Buffering", "no"); // a proxy in front must not hold the progress back
        try {
            send(first.toString() + "\n");
            String end = reading.read(this);
            BackfillRun.Progress done = run.finish();
            send(problems() + event.apply(end).put(number, done.line()).toString() + "\n");
        } catch (IOException clientGone) {
            x.callback.failed(clientGone); // the run is closed by its owner: what was queued commits and is counted
            return;
        } catch (RuntimeException broke) {
            send(problems() + event.apply("failed").put("detail", "the import stopped: " + broke.getMessage() + "; run it again to resume")
                    + "\n");
        }
        x.response.write(true, ByteBuffer.allocate(0), x.callback);
    }

    /** Sends the problems found and the progress if a quarter of a second has passed; answers whether any problem was sent. */
    boolean tick() throws IOException {
        if (System.nanoTime() - sent < PROGRESS_EVERY_NANOS) {
            return false;
        }
        String refused = problems();
        send(refused + event.apply("progress") + "\n");
        sent = System.nanoTime();
        return !refused.isEmpty();
    }

    private void send(String lines) throws IOException {
        StreamResource.write(x, lines);
    }

    private String problems() {
        StringBuilder out = new StringBuilder();
        for (BackfillRun.Problem p : run.problems()) {
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("type", "problem").put(number, p.line());
            if (named && !p.entry().isEmpty()) {
                line.put("entry", p.entry());
            }
            ArrayNode errors = line.putArray("errors");
            p.errors().forEach(e -> errors.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static ObjectNode counts(ObjectNode out, Backfill.Counts c) {
        return out.put("published", c.published()).put("updated", c.updated()).put("killed", c.killed()).put("unchanged", c.unchanged())
                .put("failed", c.failed());
    }
}
