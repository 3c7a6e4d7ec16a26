-- Bumped with every change to orgs, outlets or agreements, so every node (and the log writer, before it routes)
-- can tell that its entitlement snapshot is stale, whichever node made the change.
create table network_version (
    id      integer primary key,
    version bigint  not null
);
insert into network_version (id, version) values (1, 0);
