-- Co-production projects: versioned plans between parties under an agreement, active only when every party's admin
-- approved the current version (the agreements' shape).

create table coproductions (
    id              varchar(64)  primary key,
    current_version integer      not null,
    created_at      timestamp with time zone not null
);

create table coproduction_versions (
    coproduction_id varchar(64)   not null references coproductions (id),
    version         integer       not null,
    title           varchar(500)  not null,
    agreement_id    varchar(64)   not null references agreements (id),
    framework       varchar(32)   not null,
    min_share       numeric(7, 4),            -- a treaty's own limits; null under the Council of Europe's frameworks
    max_share       numeric(7, 4),
    parties         varchar(4000) not null,   -- space-separated org ids, for finding an org's projects
    languages       varchar(1000) not null,   -- space-separated, in the order given
    created_by      varchar(64)   not null,
    created_at      timestamp with time zone not null,
    primary key (coproduction_id, version)
);

create table coproduction_parties (
    coproduction_id     varchar(64)   not null,
    version             integer       not null,
    position            integer       not null,
    org_id              varchar(64)   not null references orgs (id),
    function            varchar(16)   not null,
    share               numeric(7, 4) not null,
    territories_include varchar(1000) not null,
    territories_exclude varchar(1000) not null,
    primary key (coproduction_id, version, position),
    foreign key (coproduction_id, version) references coproduction_versions (coproduction_id, version)
);

create table coproduction_deliverables (
    coproduction_id varchar(64)  not null,
    version         integer      not null,
    position        integer      not null,
    title           varchar(500) not null,
    due             timestamp with time zone,
    primary key (coproduction_id, version, position),
    foreign key (coproduction_id, version) references coproduction_versions (coproduction_id, version)
);

create table coproduction_approvals (
    coproduction_id varchar(64) not null,
    version         integer     not null,
    org_id          varchar(64) not null references orgs (id),
    approved_at     timestamp with time zone not null,
    primary key (coproduction_id, version, org_id),
    foreign key (coproduction_id, version) references coproduction_versions (coproduction_id, version)
);
