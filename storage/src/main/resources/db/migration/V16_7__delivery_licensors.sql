-- Each reach fact names the licensor whose licence carried the entry to the org (its route's), so reach reports can
-- count each co-production party's network apart; null when no licence carried it (an earlier recipient's kill).
alter table deliveries add column licensor_id varchar(64);
