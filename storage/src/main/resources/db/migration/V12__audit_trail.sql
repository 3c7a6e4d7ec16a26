-- The audit trail: who changed what, when and from where. Append-only: Ponte's code inserts and reads these tables and
-- never updates or deletes a row (ponte.storage.JdbcAuditTrail); the API offers no way to change them either.
create table audit_trail (
    seq          bigint generated always as identity primary key,
    at           timestamp with time zone not null,
    actor_kind   varchar(16)  not null,   -- operator, key (an org's API key), node (the node for an org: a scheduled poll)
    actor_org    varchar(64),             -- null for the operator
    actor_key    varchar(16),             -- the key id (never the secret); null for the operator and the node
    address      varchar(45),             -- the client's address; null for what the node did itself
    action       varchar(32)  not null,   -- ponte.core.audit.Action's wire name, e.g. item.kill
    target_type  varchar(16)  not null,
    target_id    varchar(200) not null,
    summary      varchar(500) not null
);
create index audit_trail_by_action on audit_trail (action, seq);

-- Whose admins may read each entry: the actor's org, the org acted on, an agreement's parties. An org's page of the
-- trail, newest first, is a backward range scan of the primary key.
create table audit_concerns (
    org_id  varchar(64) not null,
    seq     bigint      not null references audit_trail (seq),
    primary key (org_id, seq)
);

-- Retention prunes delivery attempts and dead letters by age, a small batch at a time.
create index delivery_attempts_by_time on delivery_attempts (attempted_at);
create index dead_letters_by_time on dead_letters (dead_at);
