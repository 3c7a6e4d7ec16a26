-- Secrets every node shares, made once by whichever node needs one first: the key that signs partners' rendition links.
create table signing_keys (
    name    varchar(64)  primary key,
    secret  varchar(128) not null
);
