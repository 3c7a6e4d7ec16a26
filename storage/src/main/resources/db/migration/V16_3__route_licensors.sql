-- Whose licence carried each route: for a co-produced item, the party whose own licence reached the partner (each
-- party's network within its territories); null for routes made before this column and for an earlier recipient of a
-- correction or kill whom no licence grants any more. A delivery is of a route, so it carries the same licensor.
alter table routes add column licensor_id varchar(64);
