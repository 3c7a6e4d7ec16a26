-- On several nodes each endpoint has exactly one deliverer: the node holding its lease. A node renews its leases every
-- few seconds; a dead node's leases expire and the survivors claim them.
create table endpoint_leases (
    endpoint_id varchar(64) primary key,
    node_id     varchar(64) not null,
    expires_at  timestamp with time zone not null
);
create index endpoint_leases_by_node on endpoint_leases (node_id);
