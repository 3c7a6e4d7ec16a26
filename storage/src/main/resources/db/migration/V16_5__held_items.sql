-- Machine translations are held like co-produced drafts until an editor approves them: an item held that way need not
-- belong to a co-production (its owners are the source item's).
alter table coproduced_items alter column coproduction_id drop not null;
