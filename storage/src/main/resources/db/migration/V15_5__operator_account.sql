-- The operator's own web UI account belongs to no organisation: its sessions act as the bootstrap admin key's holder.
alter table users alter column org_id drop not null;
