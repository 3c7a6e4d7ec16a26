-- Requests made under an Idempotency-Key (draft-ietf-httpapi-idempotency-key-header), per API key, with the first
-- answer to each: a retry through any node gets that answer instead of a second agreement, endpoint or item. A row is
-- written before the request runs (status null while it runs) and answered after; rows are pruned after the
-- configured retention (24 h by default), counted from the first request.
create table idempotency_keys (
    key_id          varchar(64)  not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    created_at      timestamp with time zone not null,
    status          integer,
    -- the answer sealed under a key derived from the caller's API key, which no table holds: an issued key's secret,
    -- say, is never readable here
    answer          bytea,
    primary key (key_id, idempotency_key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
