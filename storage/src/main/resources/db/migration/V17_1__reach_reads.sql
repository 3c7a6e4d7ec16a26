-- Reach facts of reading, folded per day so the feed path writes nothing per entry: the highest entry each org's feed
-- or stream served that day (what is routed to it up to there counts as read), and how often it fetched each version
-- of an item. Written in batches off the request path by upsert (insert if missing, then fold in), which every node
-- may do at once.
create table feed_reads (
    org_id        varchar(64) not null,
    on_day        date        not null,
    seq           bigint      not null,
    first_read_at timestamp with time zone not null,
    reached_at    timestamp with time zone not null,  -- when that day's highest entry was first served
    primary key (org_id, on_day)
);
create table item_reads (
    org_id        varchar(64) not null,
    item_id       varchar(64) not null,
    version       integer     not null,
    on_day        date        not null,
    reads         bigint      not null,
    first_read_at timestamp with time zone not null,
    primary key (org_id, item_id, version, on_day)
);
create index item_reads_by_item on item_reads (item_id, org_id);
