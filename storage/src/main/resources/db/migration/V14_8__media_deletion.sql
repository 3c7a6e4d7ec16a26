-- Media whose every carrying item was killed longer ago than the retention (PONTE_MEDIA_RETENTION) are deleted: the
-- row stays, in state 'DELETED', so editors see what became of the file; deleted_at says when. purged says whether its
-- blobs are gone from the store (blobs another live file names stay): a node stopped between the two finishes later.
alter table media add column deleted_at timestamp with time zone;
alter table media add column purged boolean default false not null;
