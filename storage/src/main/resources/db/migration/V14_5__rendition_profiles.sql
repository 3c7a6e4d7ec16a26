-- Which renditions and subtitle languages a partner org wants listed in what it receives (none stored: every one).
create table rendition_profiles (
    org_id      varchar(64)   primary key references orgs (id),
    renditions  varchar(1000) not null,   -- space-separated names, empty for all
    subtitles   varchar(1000) not null    -- space-separated BCP 47 tags, empty for all
);
