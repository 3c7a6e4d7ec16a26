-- Embedded (H2) only. H2 hands out identity values from a cache of 32 and, each time the cache runs out, writes the
-- sequence's new limit in a commit of its own: with WRITE_DELAY=0 that is a store of every changed page, and it was 18 %
-- of the log writer's CPU at concurrency 64 (issue 19, JFR in docs/benchmarks.md). A cache of 1,000 writes it every
-- 1,000 audit entries. A crash loses what was left of the cache: positions have gaps then, never repeats (they only
-- order the trail, which is read by range). PostgreSQL keeps its default: a session's cache there would order one
-- connection's entries ahead of another's.
alter table audit_trail alter column seq set cache 1000;
