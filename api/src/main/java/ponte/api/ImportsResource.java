package ponte.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.ingest.Backfill;
import ponte.core.ingest.BackfillRun;
import ponte.core.ingest.Backfilling;
import ponte.core.products.ProductId;
import ponte.formats.IngestReader;
import ponte.formats.Lines;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * /v1/ingest/imports/{id}: a backfill, a file of ninjs items one per line (NDJSON) streamed in, filed as it arrives
 * and answered as it goes, in NDJSON too: progress about four times a second, each refused line with its number and
 * errors, and a last line saying how it ended. The id is the client's: sent again (the same file, or the lines from
 * where the import stopped), it resumes after its checkpoint.
 */
public final class ImportsResource implements Resource {

    private final Backfilling backfilling;
    private final IngestReader reader;

    public ImportsResource(Backfilling backfilling, IngestReader reader) {
        this.backfilling = backfilling;
        this.reader = reader;
    }

    @Override
    public void register(Routes routes) {
        routes.add("PUT", "/v1/ingest/imports/{id}", this::run);
        routes.add("GET", "/v1/ingest/imports/{id}", this::get);
    }

    private void get(Exchange x) {
        x.json(200, view(backfilling.get(x.caller(), x.path("id"))));
    }

    private void run(Exchange x) throws Exception {
        Caller caller = x.caller();
        Set<ProductId> products = IngestResource.productsQuery(x);
        long from = x.query("from").map(ImportsResource::lineNumber).orElse(1L);
        boolean stopOnError = x.query("onError").map(ImportsResource::stops).orElse(false);
        try (BackfillRun run = backfilling.open(caller, x.path("id"), products, from)) {
            new RunLines(x, run, "line", false, type -> event(type, run))
                    .answer(event("started", run).put("run", run.backfill().runs()), answer -> read(x, run, from, stopOnError, answer));
        }
    }

    /** Files the body's lines; answers how the reading ended: "done", or "stopped" at a refused line. */
    private String read(Exchange x, BackfillRun run, long from, boolean stopOnError, RunLines answer) throws IOException {
        long line = from - 1;
        try (InputStream body = Request.asInputStream(x.request)) {
            Lines lines = new Lines(body, Exchange.MAX_BODY);
            while (lines.next()) {
                line++;
                if (line <= run.checkpoint()) {
                    run.skip(line);
                } else if (lines.tooLong()) {
                    run.refuse(line, List.of(new Invalid.Violation("", "a line is at most " + Exchange.MAX_BODY + " bytes")));
                } else if (lines.blank()) {
                    run.blank(line);
                } else {
                    switch (reader.line(lines.bytes(), lines.offset(), lines.length())) {
                        case IngestReader.Line.Entry e -> run.offer(line, e.incoming());
                        case IngestReader.Line.Refused r -> {
                            run.refuse(line, r.errors());
                            if (stopOnError) {
                                return "stopped"; // the lines before it are still filed; none after it is read
                            }
                        }
                    }
                }
                if (answer.tick() && stopOnError) {
                    return "stopped";
                }
            }
        }
        return "done";
    }

    private static long lineNumber(String from) {
        if (!from.matches("[1-9][0-9]{0,17}")) {
            throw new Invalid("/from", "from is the number of the body's first line in the file, 1 or more");
        }
        return Long.parseLong(from);
    }

    private static boolean stops(String onError) {
        return switch (onError) {
            case "stop" -> true;
            case "continue" -> false;
            default -> throw new Invalid("/onError", "onError is stop or continue");
        };
    }

    private static ObjectNode event(String type, BackfillRun run) {
        BackfillRun.Progress p = run.progress();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("type", type).put("import", run.backfill().id())
                .put("line", p.line()).put("checkpoint", p.checkpoint()).put("skipped", p.skipped());
        RunLines.counts(out, p.counts());
        return out.put("inFlight", p.inFlight());
    }

    static ObjectNode view(Backfill b) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", b.id());
        ArrayNode products = out.putArray("products");
        b.products().stream().map(ProductId::value).sorted().forEach(products::add);
        out.put("checkpoint", b.line()).put("runs", b.runs());
        RunLines.counts(out.putObject("counts"), b.counts());
        return out.put("startedAt", b.started().toString()).put("updatedAt", b.updated().toString());
    }
}
