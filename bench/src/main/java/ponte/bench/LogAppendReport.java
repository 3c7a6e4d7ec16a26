package ponte.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of {@link LogAppendBenchmark}, in Markdown for docs/benchmarks.md. */
final class LogAppendReport {
    /** One measurement: {@code round} 0 for the rows measured once. */
    record Row(String mode, int round, Load.Result result, String notes) {}

    record LatencyRow(String load, double perSecond, FirstDelivery.Spread publish, FirstDelivery.Result delivery) {}

    private LogAppendReport() {}

    static String report(String machine, int clients, int rounds, Load.Phases round, Load.Phases phases, List<Row> throughput,
            Map<String, RelayWatch.Figures> relay, List<LatencyRow> latency, List<String> relayDuringLatency) {
        StringBuilder out = new StringBuilder();
        out.append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "### Log append throughput: %d closed-loop clients; %d rounds of %d s warm-up + %d s measured "
                + "per mode, modes taking turns%n%n", clients, rounds, round.warmUp().toSeconds(), round.measure().toSeconds()));
        out.append("| mode | round | items/s | p50 ms | p99 ms | CPU cores used | errors | notes |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : throughput) {
            Load.Result r = row.result();
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.1f | %d | %s |%n", row.mode(), row.round() == 0 ? "-" : row.round(),
                    r.perSecond(), r.latency().p50(), r.latency().p99(), r.cores(), r.errors(), row.notes()));
        }
        out.append("\nRatios per round (items/s ÷ items/s):\n\n| round | **Kafka mode ÷ bare producer** | **Kafka mode ÷ embedded** "
                + "| Kafka mode ÷ PostgreSQL | PostgreSQL ÷ embedded |\n|---:|---:|---:|---:|---:|\n");
        double[] sum = new double[4];
        for (int r = 1; r <= rounds; r++) {
            double bare = find(throughput, LogAppendBenchmark.BARE, r);
            double embedded = find(throughput, LogAppendBenchmark.EMBEDDED, r);
            double postgres = find(throughput, LogAppendBenchmark.POSTGRES, r);
            double kafka = find(throughput, LogAppendBenchmark.KAFKA, r);
            double[] ratios = {kafka / bare, kafka / embedded, kafka / postgres, postgres / embedded};
            out.append(String.format(Locale.ROOT, "| %d | **%.3f** | **%.2f** | %.2f | %.2f |%n", r, ratios[0], ratios[1], ratios[2], ratios[3]));
            for (int i = 0; i < 4; i++) {
                sum[i] += ratios[i] / rounds;
            }
        }
        out.append(String.format(Locale.ROOT, "| mean | **%.3f** | **%.2f** | %.2f | %.2f |%n", sum[0], sum[1], sum[2], sum[3]));
        out.append("\nThe relay in each Kafka-mode measurement (commit time and retries from the relay producer's own metrics, read over JMX; "
                + "since() timed by calling the node's log as the relay does, for the last 16 entries, after the load stopped):\n\n"
                + "| measurement | entries/s reaching the node's tail via the topic | behind when the load stopped | caught up in ms "
                + "| records / transactions | records per transaction | commitTransaction mean ms | producer retries | since() p50 ms "
                + "| relay thread CPU ms/entry | tail thread CPU ms/entry |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        relay.forEach((label, f) -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,d | %.0f | %,d / %,d | %.1f | %.1f | %,d | %.2f | %.3f | %.3f |%n",
                label, f.tailPerSecond(), f.behindAtStop(), f.catchUpMs(), f.records(), f.transactions(), f.perTransaction(), f.commitMs(),
                f.retries(), f.sinceMs(), f.relayCpuMs(), f.tailCpuMs())));
        out.append(String.format(Locale.ROOT, "%n### Publish to first delivery: from the 201 to a node's Tail handing the entry on "
                + "(%d s warm-up + %d s measured each)%n%n", phases.warmUp().toSeconds(), phases.measure().toSeconds()));
        out.append("Negative: the tail handed the entry on before the 201 reached the client.\n\n");
        out.append("| tail | load | items/s | publish p50 / p99 ms | **201 → tail p50 ms** | **p99 ms** | max ms | POST sent → tail p50 / p99 ms "
                + "| on the tail before the 201 | samples | missing |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LatencyRow row : latency) {
            FirstDelivery.Result d = row.delivery();
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f / %.1f | **%.1f** | **%.1f** | %.1f | %.1f / %.1f | %d | %d | %d |%n",
                    d.probe(), row.load(), row.perSecond(), row.publish().p50(), row.publish().p99(), d.from201().p50(), d.from201().p99(),
                    d.from201().max(), d.fromSent().p50(), d.fromSent().p99(), d.deliveredBefore201(), d.samples(), d.missing()));
        }
        out.append("\nKafka mode's delivery split by a plain read_committed consumer of the topic (record CreateTime = the relay's send()), "
                + "and the relay's producer while latency was measured (warm-up included):\n\n");
        relayDuringLatency.forEach(line -> out.append("- ").append(line).append(".\n"));
        return out.toString();
    }

    private static double find(List<Row> rows, String mode, int round) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.round() == round).findFirst().orElseThrow().result().perSecond();
    }
}
