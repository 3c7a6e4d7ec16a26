-- One-time links for people: an invitation to a new account, or a password reset; by the digest of their token.
create table account_links (
    digest      char(64)     primary key,
    purpose     varchar(16)  not null,
    org_id      varchar(64)  not null references orgs (id),
    username    varchar(64)  not null,
    role        varchar(16)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
