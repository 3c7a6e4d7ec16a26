-- Backfill imports (issue 19): how far each streamed import of an org has come. "line" is a checkpoint: every line up
-- to it is committed (or failed), so a re-run skips them unread; lines after it may be committed too (the checkpoint
-- is written after the entries' commit, not in it), and are then found by their uri and counted unchanged.
create table imports (
    org_id     varchar(64)   not null,
    id         varchar(100)  not null,
    products   varchar(4000) not null,
    line       bigint        not null,
    published  bigint        not null,
    updated    bigint        not null,
    killed     bigint        not null,
    unchanged  bigint        not null,
    failed     bigint        not null,
    runs       integer       not null,
    started_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (org_id, id)
);
