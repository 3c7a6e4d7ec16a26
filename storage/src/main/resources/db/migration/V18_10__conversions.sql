-- Conversions (issue 18): bookings a channel's partner reports for a campaign's offer, on the channel of the link
-- followed (or the partner's own channel). The partner's own id is the key of a retry. Revenue is the exact decimal
-- the partner wrote, in its ISO 4217 currency; sums cast it to a decimal and never add two currencies together.
create table conversions (
    partner_id  varchar(64)  not null,
    conversion_id varchar(128) not null,
    campaign_id varchar(64)  not null,
    offer_id    varchar(64)  not null,
    channel_id  varchar(64)  not null,
    converted_at timestamp with time zone not null,
    bookings    bigint       not null,
    revenue     varchar(40)  not null,
    currency    char(3)      not null,
    received_at timestamp with time zone not null,
    primary key (partner_id, conversion_id)
);
create index conversions_by_campaign on conversions (campaign_id, converted_at);
