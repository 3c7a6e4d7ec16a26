-- The relay's read of the routes of a batch (JdbcContentLog.since: "select seq, org_id, event from routes where
-- seq > ? and seq <= ?") on a log of 200,000 entries routed to 5 of 50 partners each (1,000,000 routes), with the
-- schema of V1__skeleton.sql (primary key (org_id, seq), index (item_id, org_id)): which plan, how long, and the
-- same with an index on routes (seq). docs/benchmarks.md, "Production mode". Run it with
--   psql -h 127.0.0.1 -U postgres -d test -f bench/relay-routes-read.sql
-- It works in a schema of its own and drops it at the end.
\timing off
drop schema if exists bench_relay_routes cascade;
create schema bench_relay_routes;
set search_path = bench_relay_routes;
create table routes (
    org_id      varchar(64) not null,
    seq         bigint      not null,
    item_id     varchar(64) not null,
    event       varchar(16) not null,
    primary key (org_id, seq)
);
create index routes_by_item on routes (item_id, org_id);
insert into routes
select 'partner-' || ((s * 7 + k * 13) % 50), s, 'item-' || s, 'published'
from generate_series(1, 200000) s, generate_series(0, 4) k;
analyze routes;

-- A batch of 16 entries at the head of the log, as the relay reads it under load.
explain (analyze, buffers) select seq, org_id, event from routes where seq > 199984 and seq <= 200000;
explain (analyze, buffers) select seq, org_id, event from routes where seq > 199984 and seq <= 200000;

create index routes_by_seq on routes (seq);
analyze routes;
explain (analyze, buffers) select seq, org_id, event from routes where seq > 199984 and seq <= 200000;
explain (analyze, buffers) select seq, org_id, event from routes where seq > 199984 and seq <= 200000;

drop schema bench_relay_routes cascade;
