-- Ingest: other agencies' feeds that an org pulls in, how each is doing, and what each showed at its last read.

create table ingest_sources (
    id               varchar(64)   primary key,
    org_id           varchar(64)   not null references orgs (id),
    url              varchar(2000) not null,
    format           varchar(16)   not null,
    interval_s       integer       not null,
    products         varchar(4000) not null,   -- space-separated product ids
    paused           boolean       not null,
    created_at       timestamp with time zone not null,
    state            varchar(16)   not null,
    last_polled_at   timestamp with time zone,
    last_success_at  timestamp with time zone,
    last_error       varchar(2000),
    etag             varchar(1000),
    last_modified    varchar(200),
    polls            bigint        not null,
    published        bigint        not null,
    updated          bigint        not null,
    killed           bigint        not null,
    unchanged        bigint        not null,
    failed           bigint        not null
);
create index ingest_sources_by_org on ingest_sources (org_id);

-- The entries of the last poll that could not be imported, with why (at most 50 per source).
create table ingest_problems (
    source_id  varchar(64)   not null references ingest_sources (id) on delete cascade,
    position   integer       not null,
    entry      varchar(2000) not null,
    detail     varchar(4000) not null,
    primary key (source_id, position)
);

-- What a source showed at its last read: an entry no longer shown but newer than the oldest still shown was removed.
create table ingest_seen (
    source_id  varchar(64)   not null references ingest_sources (id) on delete cascade,
    uri        varchar(2000) not null,
    updated_at timestamp with time zone,
    primary key (source_id, uri)
);
