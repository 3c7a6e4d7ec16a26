-- The person behind a change made in the web UI (actor_kind 'user'): the user name of the signed-in account, kept as
-- written then (accounts may be removed; the trail must still say who it was).
alter table audit_trail add column actor_user varchar(64);
