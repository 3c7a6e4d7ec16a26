-- Promotion campaigns (issue 18): the owner's items on its partners' channels under an agreement. Each change is a new
-- version; earlier versions stay readable as history, as agreements' do.
create table campaigns (
    id              varchar(64) primary key,
    owner_id        varchar(64) not null,
    current_version integer     not null,
    created_at      timestamp with time zone not null
);
create table campaign_versions (
    campaign_id varchar(64)  not null references campaigns (id),
    version     integer      not null,
    title       varchar(1000) not null,
    agreement_id varchar(64) not null,
    valid_from  timestamp with time zone,
    valid_to    timestamp with time zone,
    languages   varchar(1000) not null,
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    primary key (campaign_id, version)
);
create table campaign_items (
    campaign_id varchar(64) not null,
    version     integer     not null,
    position    integer     not null,
    item_id     varchar(64) not null,
    primary key (campaign_id, version, position)
);
create table campaign_channels (
    campaign_id varchar(64)  not null,
    version     integer      not null,
    position    integer      not null,
    channel_id  varchar(64)  not null,
    partner_id  varchar(64)  not null,
    outlet_id   varchar(64)  not null,
    kind        varchar(16)  not null,
    url         varchar(2000),
    primary key (campaign_id, version, position)
);
create index campaign_channels_by_partner on campaign_channels (partner_id, campaign_id);
