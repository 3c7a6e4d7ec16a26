-- A correction of a language set's source (its first item) marks every other version as needing an update, until
-- that version is revised.
alter table language_versions add column needs_update boolean default false not null;
