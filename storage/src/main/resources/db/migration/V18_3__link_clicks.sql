-- Clicks on tracked links, folded per (link, day, bot or not, visitor): no address and no user agent, only a hash of
-- them under a salt that lives in one node's memory for one UTC day. Written in batches off the request path.
create table link_clicks (
    code    varchar(32) not null,
    on_day  date        not null,
    bot     boolean     not null,
    visitor varchar(32) not null,  -- '' when the request had no address
    clicks  bigint      not null,
    primary key (code, on_day, bot, visitor)
);
