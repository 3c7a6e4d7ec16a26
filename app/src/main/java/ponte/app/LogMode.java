package ponte.app;

import java.util.Optional;
import ponte.core.delivery.Leases;
import ponte.core.log.ContentLog;
import ponte.core.log.Tail;
import ponte.kafka.KafkaProbe;
import ponte.kafka.KafkaSettings;
import ponte.kafka.KafkaTail;
import ponte.kafka.LogRelay;
import ponte.storage.JdbcLeases;
import ponte.storage.PostgresTail;

/**
 * How entries committed on any node reach this node's log tail, chosen once from the settings: each mode builds what it
 * needs (with its metrics and health checks) and closes it.
 */
sealed interface LogMode extends AutoCloseable permits LogMode.Embedded, LogMode.Postgres, LogMode.Kafka {

    /** The endpoints' leases when several nodes may deliver; empty when this node is the only one and delivers all. */
    Optional<Leases> leases();

    static LogMode start(Settings settings, Stores stores, ContentLog log, LocalCommits commits, Tail tail, NodeMetrics metrics) {
        if (settings.kafkaBootstrap().isPresent()) {
            return Kafka.start(new KafkaSettings(settings.kafkaBootstrap().get(), settings.kafkaTopic()), stores, log, commits, tail, metrics);
        }
        if (stores.database().isPostgres()) {
            return Postgres.start(stores, log, commits, tail, metrics);
        }
        return Embedded.start(commits, tail);
    }

    /** One node on embedded H2: the local writer feeds the tail. */
    record Embedded() implements LogMode {
        static Embedded start(LocalCommits commits, Tail tail) {
            commits.subscribe(tail::committed);
            return new Embedded();
        }

        @Override
        public Optional<Leases> leases() {
            return Optional.empty();
        }

        @Override
        public void close() {
            // nothing of its own
        }
    }

    /** Several nodes may share the database: the tail hears every node's entries through LISTEN/NOTIFY, in order. */
    record Postgres(PostgresTail listening, JdbcLeases endpointLeases) implements LogMode {
        static Postgres start(Stores stores, ContentLog log, LocalCommits commits, Tail tail, NodeMetrics metrics) {
            PostgresTail listening = new PostgresTail(stores.database(), log, tail);
            commits.subscribe(listening::announce);
            metrics.consumer("postgres-tail", () -> tail.last().seq());
            return new Postgres(listening, new JdbcLeases(stores.database()));
        }

        @Override
        public Optional<Leases> leases() {
            return Optional.of(endpointLeases);
        }

        @Override
        public void close() throws InterruptedException {
            listening.close();
        }
    }

    /** Production mode: the leader relays committed entries to Kafka; every node's tail is fed from the topic. */
    record Kafka(LogRelay relay, KafkaTail reading, KafkaProbe probe, JdbcLeases endpointLeases) implements LogMode {
        static Kafka start(KafkaSettings kafka, Stores stores, ContentLog log, LocalCommits commits, Tail tail, NodeMetrics metrics) {
            LogRelay relay = new LogRelay(kafka, log, stores.leadership());
            commits.subscribe(relay::wake);
            KafkaTail reading = new KafkaTail(kafka, tail);
            KafkaProbe probe = new KafkaProbe(kafka);
            metrics.check("kafka", probe::reachable);
            metrics.consumer("kafka-tail", () -> tail.last().seq());
            metrics.gauge("ponte_kafka_tail_records_behind", "records of the log topic this node has not read", reading::lag);
            metrics.gauge("ponte_kafka_relay_leader", "1 on the node relaying the log to Kafka", () -> relay.relayed() >= 0 ? 1 : 0);
            return new Kafka(relay, reading, probe, new JdbcLeases(stores.database()));
        }

        @Override
        public Optional<Leases> leases() {
            return Optional.of(endpointLeases);
        }

        @Override
        public void close() throws Exception {
            reading.close();
            relay.close();
            probe.close();
        }
    }
}
