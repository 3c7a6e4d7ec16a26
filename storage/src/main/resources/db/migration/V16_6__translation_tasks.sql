-- The desk's translation tasks: a language version of an item asked of one of its owners, by a time; open until done.
create table translation_tasks (
    id         varchar(64) primary key,
    item_id    varchar(64) not null references items (id),
    language   varchar(64) not null,
    assignee   varchar(64) not null references orgs (id),
    due        timestamp with time zone,
    done_at    timestamp with time zone,
    created_by varchar(64) not null references orgs (id),
    created_at timestamp with time zone not null
);
create index translation_tasks_by_item on translation_tasks (item_id);
