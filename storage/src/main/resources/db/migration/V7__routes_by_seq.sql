-- Readers of the whole log (the Kafka relay, search) fetch the routes of a range of entries; without this index
-- PostgreSQL scanned every route ever written per batch (measured: 68-112 ms at 1M routes, 0.02-0.07 ms with it).
create index routes_by_seq on routes (seq);
