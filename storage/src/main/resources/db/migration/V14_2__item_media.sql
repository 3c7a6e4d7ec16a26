-- Which items carry which media files (as of each item's latest version): a rendition may be downloaded by whoever may
-- read an item that carries it, so the gate that decides for the item decides for its media.
create table item_media (
    media_id  varchar(64) not null references media (id),
    item_id   varchar(64) not null,
    primary key (media_id, item_id)
);
create index item_media_by_item on item_media (item_id);
