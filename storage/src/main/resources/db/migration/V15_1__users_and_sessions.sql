-- People who sign in to the web UI: one account per person, of one org and role, with an Argon2id hash of the password.
create table users (
    id             varchar(32)  primary key,
    org_id         varchar(64)  not null references orgs (id),
    role           varchar(16)  not null,
    username       varchar(64)  not null,
    password_hash  varchar(256) not null,
    created_at     timestamp with time zone not null
);
create unique index users_by_username on users (username);
create index users_by_org on users (org_id, username);

-- Server-side sessions, by the SHA-256 digest of the cookie's token: ending one is deleting its row.
create table sessions (
    digest      char(64)     primary key,
    user_id     varchar(32)  not null references users (id),
    csrf        varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index sessions_by_user on sessions (user_id);
