-- tus 1.0 resumable uploads under way: how long the file will be, how much has arrived, when an abandoned one expires.
-- The bytes wait in the node's media directory; once whole they become a media file like any upload.
create table media_uploads (
    id           varchar(64)   primary key,
    org_id       varchar(64)   not null references orgs (id),
    length_bytes bigint        not null,
    offset_bytes bigint        not null,
    content_type varchar(255)  not null,
    filename     varchar(255),
    expires_at   timestamp with time zone not null,
    media_id     varchar(64)   references media (id)
);
create index media_uploads_by_expiry on media_uploads (expires_at);
