-- Partners' usage reports: an item aired, published, downloaded or viewed on one of the partner's outlets. The
-- partner's own report id is the key of a retry (the same report again is the first one; another under the same id is
-- refused). The outlet's country is kept as it was when the report came: a report counts where the outlet was.
create table usage_reports (
    org_id      varchar(64)  not null,
    report_id   varchar(128) not null,
    item_id     varchar(64)  not null,
    version     integer      not null,
    outlet_id   varchar(64)  not null,
    country     char(2)      not null,
    usage_kind  varchar(16)  not null,
    used_at     timestamp with time zone not null,
    audience    bigint,
    received_at timestamp with time zone not null,
    primary key (org_id, report_id)
);
create index usage_reports_by_item on usage_reports (item_id, org_id);
