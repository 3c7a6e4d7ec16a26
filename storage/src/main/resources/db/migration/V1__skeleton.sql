-- Ponte's first schema. Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL alike.

create table orgs (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    kind        varchar(32)  not null,
    country     char(2)      not null,
    created_at  timestamp with time zone not null
);

create table outlets (
    id          varchar(64)  primary key,
    org_id      varchar(64)  not null references orgs (id),
    name        varchar(200) not null,
    kind        varchar(16)  not null,
    country     char(2)      not null,
    unique (org_id, name)
);

-- Only a SHA-256 digest of each key is kept.
create table api_keys (
    digest      char(64)     primary key,
    org_id      varchar(64)  not null references orgs (id),
    role        varchar(16)  not null,
    created_at  timestamp with time zone not null
);

create table products (
    id          varchar(64)  primary key,
    owner_id    varchar(64)  not null references orgs (id),
    name        varchar(200) not null
);

create table licences (
    id                  varchar(64)  primary key,
    agreement_id        varchar(64),
    licensor_id         varchar(64)  not null references orgs (id),
    licensee_id         varchar(64)  not null references orgs (id),
    products            varchar(4000) not null,  -- space-separated product ids
    territories_include varchar(1000) not null,  -- space-separated ISO 3166-1 codes, or *
    territories_exclude varchar(1000) not null,
    languages           varchar(1000) not null,  -- space-separated BCP 47 ranges; empty = every language
    embargo_delay_s     bigint       not null,
    valid_from          timestamp with time zone,
    valid_to            timestamp with time zone,
    created_at          timestamp with time zone not null
);

create table items (
    id              varchar(64)   primary key,
    uri             varchar(2000) not null unique,
    latest_version  integer       not null,
    first_created   timestamp with time zone not null,
    killed          boolean       not null
);

-- Several owners per item: co-productions are owned by every party.
create table item_owners (
    item_id     varchar(64) not null references items (id),
    org_id      varchar(64) not null references orgs (id),
    primary key (item_id, org_id)
);
create index item_owners_by_org on item_owners (org_id, item_id);

-- Versions are immutable: their product and rights lists are stored as written.
create table versions (
    item_id             varchar(64)  not null references items (id),
    version             integer      not null,
    event               varchar(16)  not null,
    created_at          timestamp with time zone not null,
    ninjs               varchar(1000000) not null,
    language            varchar(64),
    embargoed_until     timestamp with time zone,
    type                varchar(32)  not null,
    headline            varchar(2000),
    products            varchar(4000) not null,
    rights_include      varchar(1000) not null,
    rights_exclude      varchar(1000) not null,
    kill_reason         varchar(2000),
    primary key (item_id, version)
);

-- The content log: one row per accepted change, seq strictly increasing in commit order.
create table content_log (
    seq         bigint      primary key,
    item_id     varchar(64) not null references items (id),
    version     integer     not null,
    event       varchar(16) not null,
    appended_at timestamp with time zone not null
);

-- Which partner received which entry, decided by the router when the entry was appended. A partner's feed is
-- its routes in seq order; these rows are also the delivery facts that reach reporting counts.
create table routes (
    org_id      varchar(64) not null references orgs (id),
    seq         bigint      not null references content_log (seq),
    item_id     varchar(64) not null references items (id),
    event       varchar(16) not null,
    primary key (org_id, seq)
);
create index routes_by_item on routes (item_id, org_id);
