-- Agreements: versioned terms between parties, active only when every party's admin approved the current version.

create table agreements (
    id              varchar(64)  primary key,
    current_version integer      not null,
    suspended       boolean      not null,
    created_at      timestamp with time zone not null
);

create table agreement_versions (
    agreement_id varchar(64)   not null references agreements (id),
    version      integer       not null,
    title        varchar(500)  not null,
    parties      varchar(4000) not null,   -- space-separated org ids
    valid_from   timestamp with time zone,
    valid_to     timestamp with time zone,
    created_by   varchar(64)   not null,
    created_at   timestamp with time zone not null,
    primary key (agreement_id, version)
);

create table agreement_grants (
    agreement_id        varchar(64)   not null,
    version             integer       not null,
    position            integer       not null,
    licensor_id         varchar(64)   not null references orgs (id),
    licensee_id         varchar(64)   not null references orgs (id),
    products            varchar(4000) not null,
    territories_include varchar(1000) not null,
    territories_exclude varchar(1000) not null,
    languages           varchar(1000) not null,
    embargo_delay_s     bigint        not null,
    exclusive           boolean       not null,
    primary key (agreement_id, version, position),
    foreign key (agreement_id, version) references agreement_versions (agreement_id, version)
);

create table agreement_approvals (
    agreement_id varchar(64) not null,
    version      integer     not null,
    org_id       varchar(64) not null references orgs (id),
    approved_at  timestamp with time zone not null,
    primary key (agreement_id, version, org_id),
    foreign key (agreement_id, version) references agreement_versions (agreement_id, version)
);

-- Licences are derived from agreements from now on; the skeleton's table held none that agreements do not.
drop table licences;

-- When time will make an item visible to more partners (an embargo lapses, a licence starts): the release
-- scheduler appends a release entry for the item at due_at.
create table releases (
    item_id varchar(64) not null references items (id),
    due_at  timestamp with time zone not null,
    primary key (item_id, due_at)
);
create index releases_by_due on releases (due_at);
