-- Which orgs each network version's change concerns, so that a node catching up refreshes only their partitions of
-- the entitlement snapshot (issue 19). A row with no org: the change concerns co-productions only. A version with no
-- rows (older than the rows kept, or a change that did not say): the node rebuilds its snapshot whole.
create table network_changes (
    version bigint      not null,
    org_id  varchar(64)
);
create index network_changes_by_version on network_changes (version);

-- "The licences to these orgs": what an incremental refresh reads by licensee.
create index agreement_grants_by_licensee on agreement_grants (licensee_id, agreement_id);
