-- Which key made each version (its id, never the secret), so an item's history names it: null for versions made
-- before this column existed and for those the node made for an org itself (an ingest source's scheduled poll).
alter table versions add column key_id varchar(16);
