package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ponte against its reference, measured in the same run, as a Markdown table. Ratios are the figures to compare
 * across runs: on this shared two-core machine absolute numbers move with the neighbours, ratios much less.
 */
final class Report {
    /** {@code extra}: the value of this report's own last column, if it has one. */
    record Row(Load.Result ponte, Load.Result reference, String extra) {}

    private final String title;
    private final String referenceName;
    private final String extraColumn;
    private final List<Row> rows = new ArrayList<>();

    /** {@code extraColumn}: the header of a column of this report's own, or "" for none. */
    Report(String title, String referenceName, String extraColumn) {
        this.title = title;
        this.referenceName = referenceName;
        this.extraColumn = extraColumn;
    }

    void add(Load.Result ponte, Load.Result reference, String extra) {
        rows.add(new Row(ponte, reference, extra));
    }

    String markdown() {
        StringBuilder out = new StringBuilder("### " + title + "\n\nReference: " + referenceName + ".\n\n");
        boolean extra = !extraColumn.isEmpty();
        out.append("| concurrency | Ponte /s | p50 ms | p99 ms | reference /s | ref p50 ms | ref p99 ms | **/s ratio** | **p99 ratio** "
                + "| bytes/answer | CPU cores used (Ponte/ref) | errors (Ponte/ref) |" + (extra ? " " + extraColumn + " |" : "") + "\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (extra ? "---:|" : "") + "\n");
        for (Row r : rows) {
            Load.Result p = r.ponte();
            Load.Result ref = r.reference();
            out.append(String.format(Locale.ROOT, "| %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | **%.3f** | **%.1f** | %s | %.1f/%.1f | %d/%d |%s%n",
                    p.concurrency(), p.perSecond(), p.latency().p50(), p.latency().p99(),
                    ref.perSecond(), ref.latency().p50(), ref.latency().p99(),
                    p.perSecond() / ref.perSecond(), p.latency().p99() / ref.latency().p99(),
                    p.bytesPerCall() == 0 ? "-" : String.format(Locale.ROOT, "%,d", p.bytesPerCall()),
                    p.cores(), ref.cores(), p.errors(), ref.errors(), extra ? " " + r.extra() + " |" : ""));
        }
        for (Row r : rows) {
            for (Load.Result res : List.of(r.ponte(), r.reference())) {
                if (res.errors() > 0) {
                    out.append("\nFirst error of ").append(res.name()).append(" c=").append(res.concurrency()).append(": `").append(res.firstError()).append("`\n");
                }
            }
        }
        return out.toString();
    }

    /** Prints the table and writes it to {@code <bench.results>/<file>} for run.sh's summary. */
    void publish(String file) throws IOException {
        String table = markdown();
        System.out.println();
        System.out.println(table);
        write(file, table);
    }

    /** Writes a harness's own table to {@code <bench.results>/<file>}. */
    static void write(String file, String table) throws IOException {
        Path dir = Path.of(System.getProperty("bench.results", "bench/target/results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), table);
    }
}
