-- Media: uploaded video, photo and audio files, stored by content (SHA-256) in the media store, and their renditions.
-- A file in state 'processing' is the rendition queue: claimed_at says a worker holds it, renewed with its progress;
-- a claim not renewed in time (its node died) is taken again.

create table media (
    id            varchar(64)   primary key,
    org_id        varchar(64)   not null references orgs (id),
    content_type  varchar(255)  not null,
    filename      varchar(255),
    sha256        char(64)      not null,
    size_bytes    bigint        not null,
    state         varchar(16)   not null,
    progress      integer       not null,
    reason        varchar(2000),
    created_at    timestamp with time zone not null,
    claimed_at    timestamp with time zone
);
create index media_by_org on media (org_id, created_at);
create index media_queue on media (state, created_at);
create index media_by_blob on media (sha256);

-- Written with the state 'ready', in one transaction: a file's renditions are listed all at once or not at all.
create table media_renditions (
    media_id      varchar(64)   not null references media (id) on delete cascade,
    name          varchar(64)   not null,
    content_type  varchar(255)  not null,
    sha256        char(64)      not null,
    size_bytes    bigint        not null,
    width         integer,
    height        integer,
    duration_ms   bigint,
    primary key (media_id, name)
);
create index media_renditions_by_blob on media_renditions (sha256);
