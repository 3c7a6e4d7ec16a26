-- Campaigns' offers (issue 18): something bookable, presented by one of the campaign's items. The price is kept as the
-- decimal the owner wrote (10.00 stays 10.00), in its ISO 4217 currency.
create table campaign_offers (
    campaign_id varchar(64)   not null,
    offer_id    varchar(64)   not null,
    item_id     varchar(64)   not null,
    title       varchar(1000) not null,
    description varchar(4000),
    price       varchar(40)   not null,
    currency    char(3)       not null,
    valid_from  timestamp with time zone,
    valid_to    timestamp with time zone,
    booking_url varchar(2000) not null,
    primary key (campaign_id, offer_id)
);
-- One link per (offer, channel); the code is 128 random bits, the only key a click carries.
create table tracked_links (
    code        varchar(32)   primary key,
    campaign_id varchar(64)   not null,
    offer_id    varchar(64)   not null,
    channel_id  varchar(64)   not null,
    partner_id  varchar(64)   not null,
    kind        varchar(16)   not null,
    booking_url varchar(2000) not null
);
create index tracked_links_by_offer on tracked_links (campaign_id, offer_id);
