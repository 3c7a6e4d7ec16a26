-- Publish requests naming media still being made into renditions: held here, out of the log (so no partner's feed,
-- push or search sees them), until every file is ready, then published as the editor asked. A file that failed
-- leaves its request here with the reason, for the editor to see.
create table held_items (
    id         varchar(64) primary key,
    org_id     varchar(64) not null,
    role       varchar(32) not null,
    key_id     varchar(64),
    item_id    varchar(64),
    body       varchar(1000000) not null,
    base       varchar(1000) not null,
    media_ids  varchar(4000) not null,
    reason     varchar(4000),
    created_at timestamp with time zone not null
);
create index held_items_by_item on held_items (item_id);
