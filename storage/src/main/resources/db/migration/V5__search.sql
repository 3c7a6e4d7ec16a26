-- Language versions of one story: items of one org linked into a set by "translationOf" on publish. A set is named
-- by its first item (set_id), which has a row of its own once another item joins it.
create table language_versions (
    item_id varchar(64) primary key references items (id),
    set_id  varchar(64) not null references items (id)
);
create index language_versions_by_set on language_versions (set_id, item_id);
