-- The nodes alive now, each renewing its row every lease round: how many share the endpoints. Counting the holders
-- of leases instead left a node that held none invisible, so it never got a share.
create table nodes (
    node_id    varchar(64) primary key,
    seen_until timestamp with time zone not null
);
