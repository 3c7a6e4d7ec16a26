/**
 * The content log on Apache Kafka. PostgreSQL stays the source of truth (versions, routes, the sequence); one topic
 * with one partition carries every committed entry, in sequence order, to every node. {@link ponte.kafka.LogRelay}
 * is the transactional outbox relay (one leader at a time); {@link ponte.kafka.KafkaTail} feeds each node's
 * {@link ponte.core.log.Tail} from the topic.
 */
package ponte.kafka;
