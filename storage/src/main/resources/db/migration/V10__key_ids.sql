-- Keys become manageable: an id to list and revoke them by, a label for people, an optional expiry, and when each
-- was last used (written at most about once a minute per key and node, not per request).
alter table api_keys add column id varchar(16);
alter table api_keys add column label varchar(200);
alter table api_keys add column expires_at timestamp with time zone;
alter table api_keys add column last_used_at timestamp with time zone;
-- A key's id is the first 16 hex digits of its digest (ponte.core.access.KeyId), for keys issued before now too.
update api_keys set id = substring(digest, 1, 16);
alter table api_keys alter column id set not null;
create unique index api_keys_by_id on api_keys (id);
-- An org's keys are listed in order of issue.
create index api_keys_by_org on api_keys (org_id, created_at, id);
