/**
 * Load harnesses for a whole Ponte node, run by {@code bench/run.sh} and recorded in docs/benchmarks.md. Each
 * measures Ponte and a reference in the same run on the same client code and reports the ratio, because this
 * machine is shared and noisy: {@link ponte.bench.PublishThroughput} (durable publishing against raw H2 commits),
 * {@link ponte.bench.FeedLatency} (feed pages against the same bytes served from memory by a bare Jetty handler),
 * {@link ponte.bench.LogAppendBenchmark} (production mode: log appends embedded, on PostgreSQL and relayed to Kafka
 * against a bare producer on the same in-JVM broker, and publish-to-first-delivery on another node) and
 * {@link ponte.bench.DeliveryLatency} (publish to the first webhook request at a receiver, embedded and in Kafka mode,
 * against the Tail hand-off and a raw signed POST).
 */
package ponte.bench;
