-- The Kafka relay's read of a batch (JdbcContentLog.since, called by LogRelay for every Kafka transaction) on a log
-- of 50,000 entries, each a 1.5 KB version routed to 5 of 50 partners (250,000 routes), with the keys and indexes of
-- V1__skeleton.sql: the plans and times of its two big queries (1) on tables PostgreSQL has never analysed (a fresh
-- deployment until autovacuum's first ANALYZE; always, on a server with autovacuum off such as this machine's),
-- (2) after ANALYZE, and (3) the routes query with an index on routes (seq). docs/benchmarks.md, "Production mode".
--   psql -h 127.0.0.1 -U postgres -d test -f bench/relay-read.sql
-- It works in a schema of its own and drops it at the end.
drop schema if exists bench_relay_read cascade;
create schema bench_relay_read;
set search_path = bench_relay_read;
create table items (
    id varchar(64) primary key, uri varchar(2000) not null unique, latest_version integer not null,
    first_created timestamp with time zone not null, killed boolean not null);
create table versions (
    item_id varchar(64) not null references items (id), version integer not null, event varchar(16) not null,
    created_at timestamp with time zone not null, ninjs varchar(1000000) not null, language varchar(64),
    embargoed_until timestamp with time zone, type varchar(32) not null, headline varchar(2000),
    products varchar(4000) not null, rights_include varchar(1000) not null, rights_exclude varchar(1000) not null,
    kill_reason varchar(2000), primary key (item_id, version));
create table content_log (
    seq bigint primary key, item_id varchar(64) not null references items (id), version integer not null,
    event varchar(16) not null, appended_at timestamp with time zone not null);
create table routes (
    org_id varchar(64) not null, seq bigint not null references content_log (seq), item_id varchar(64) not null references items (id),
    event varchar(16) not null, primary key (org_id, seq));
create index routes_by_item on routes (item_id, org_id);

insert into items select 'item-' || s, 'urn:bench:' || s, 1, now(), false from generate_series(1, 50000) s;
insert into versions select 'item-' || s, 1, 'published', now(), repeat('x', 1500), 'it', null, 'text', 'headline ' || s, 'notizie', '', ''
from generate_series(1, 50000) s;
insert into content_log select s, 'item-' || s, 1, 'published', now() from generate_series(1, 50000) s;
insert into routes select 'partner-' || ((s * 7 + k * 13) % 50), s, 'item-' || s, 'published'
from generate_series(1, 50000) s, generate_series(0, 4) k;

\echo '== (1) never analysed: the batch query, then the routes query (16 entries at the head of the log)'
explain (analyze, costs off) select l.seq, l.event as log_event, i.id, i.uri, i.latest_version, i.first_created, i.killed, v.*
from content_log l join items i on i.id = l.item_id join versions v on v.item_id = l.item_id and v.version = l.version
where l.seq > 49984 order by l.seq limit 500;
explain (analyze, costs off) select seq, org_id, event from routes where seq > 49984 and seq <= 50000;

analyze items; analyze versions; analyze content_log; analyze routes;
\echo '== (2) analysed: the same two queries'
explain (analyze, costs off) select l.seq, l.event as log_event, i.id, i.uri, i.latest_version, i.first_created, i.killed, v.*
from content_log l join items i on i.id = l.item_id join versions v on v.item_id = l.item_id and v.version = l.version
where l.seq > 49984 order by l.seq limit 500;
explain (analyze, costs off) select seq, org_id, event from routes where seq > 49984 and seq <= 50000;

create index routes_by_seq on routes (seq);
\echo '== (3) the routes query with an index on routes (seq)'
explain (analyze, costs off) select seq, org_id, event from routes where seq > 49984 and seq <= 50000;

drop schema bench_relay_read cascade;
