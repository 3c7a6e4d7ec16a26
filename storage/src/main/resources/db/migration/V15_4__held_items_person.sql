-- A story held for its media from the web UI keeps who sent it, so its publish, once released, names that person in
-- the audit trail as a publish that went out at once would.
alter table held_items add column person varchar(64);
