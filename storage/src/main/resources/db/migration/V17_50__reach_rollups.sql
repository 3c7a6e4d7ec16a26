-- Reach kept in advance (issue 17, scale): routes, reads and usage reports folded into daily counts per scope, so a
-- product's or co-production's reach reads thousands of rows, not a million. A scope is 'p:' and a product id (every
-- product of the routed version) or 'c:' and a co-production id. '' stands for no licensor or no language.
--
-- The folder follows the routes by seq; where it got to is kept in the same transaction as the counts it folded, so a
-- crash never counts twice or loses counts. It starts at 0: an existing database folds its rows once after upgrade.
create table reach_folds (
    name varchar(32) primary key,
    seq  bigint      not null
);
insert into reach_folds (name, seq) values ('routes', 0);

create table reach_routes (
    scope          varchar(80)   not null,
    org_id         varchar(64)   not null,
    licensor_id    varchar(64)   not null,
    language       varchar(64)   not null,
    rights_include varchar(1000) not null,
    rights_exclude varchar(1000) not null,
    on_day         date          not null,
    routed         bigint        not null,
    read_count     bigint        not null,
    primary key (scope, org_id, licensor_id, language, rights_include, rights_exclude, on_day)
);

-- Each partner's feed cursor as far as the folder has counted it as read in reach_routes.
create table reach_feed_folded (
    org_id varchar(64) primary key,
    seq    bigint      not null
);

-- Versions a partner fetched or downloaded, once each: those the folder has counted (reach_version_reads) and those
-- waiting for it (reach_read_queue, written with the read facts themselves, so the question can count the waiting ones).
create table reach_version_reads (
    org_id  varchar(64) not null,
    item_id varchar(64) not null,
    version integer     not null,
    primary key (org_id, item_id, version)
);
create table reach_read_queue (
    org_id  varchar(64) not null,
    item_id varchar(64) not null,
    version integer     not null,
    claimed boolean     default false not null,  -- taken by the fold under way (one set-based pass, not a row at a time)
    primary key (org_id, item_id, version)
);
insert into reach_read_queue (org_id, item_id, version)
    select org_id, item_id, version from item_reads
    union
    select org_id, item_id, version from media_downloads;

-- Usage reports per scope, outlet, country, language and day of use. A report is folded in the transaction that
-- stores it; reports stored before this table are marked unfolded and folded by the folder.
create table reach_usage (
    scope      varchar(80) not null,
    org_id     varchar(64) not null,
    outlet_id  varchar(64) not null,
    country    char(2)     not null,
    language   varchar(64) not null,
    on_day     date        not null,
    reports    bigint      not null,
    audience   bigint      not null,
    primary key (scope, org_id, outlet_id, country, language, on_day)
);
alter table usage_reports add column folded boolean default false not null;
create index usage_reports_unfolded on usage_reports (folded);
