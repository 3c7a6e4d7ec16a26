-- Live events of campaigns (issue 18): a stream on one of the campaign's live channels. The code is what players'
-- heartbeats name (/go/live/{code}): 128 random bits, like a tracked link's.
create table live_events (
    id          varchar(64)   primary key,
    campaign_id varchar(64)   not null,
    owner_id    varchar(64)   not null,
    channel_id  varchar(64)   not null,
    partner_id  varchar(64)   not null,
    item_id     varchar(64),
    title       varchar(1000) not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    code        varchar(32)   not null unique
);
create index live_events_by_campaign on live_events (campaign_id, starts_at);
-- Viewers as the channel's partner counted them; a sample at the same moment again replaces the first.
create table live_viewer_samples (
    event_id       varchar(64) not null,
    sampled_at     timestamp with time zone not null,
    concurrent     bigint      not null,
    unique_viewers bigint,
    primary key (event_id, sampled_at)
);
-- Heartbeats, one row per (event, minute, viewer) however often the player sent one in that minute. The viewer is
-- a hash under a salt one node holds for one UTC day: no address, no user agent, no session id.
create table live_heartbeats (
    event_id varchar(64) not null,
    on_minute timestamp with time zone not null,
    viewer   varchar(32) not null,
    primary key (event_id, on_minute, viewer)
);
-- Journal segments being written to the store (clicks, heartbeats; FactJournal): a segment's facts and its claim commit
-- together, so a node that crashes before deleting the segment's file skips it when it starts again. The claim is
-- dropped once the file is gone.
create table journal_segments (
    segment varchar(100) primary key
);
