-- A need's own priority (urgency and its place's risk, weighted; kept by NeedPriorities, computed for
-- every open need at start): an offer for a district or the whole city walks the needs not yet
-- covered most urgent first, through this index, instead of ranking every one of them.
alter table need_replica add column priority numeric(8,3) not null default 0;
create index need_by_priority on need_replica (category, item_key, unit, priority desc, posted_at, id)
    where open and quantity_covered < quantity;
-- A community's open needs, when its risk level changes.
create index need_by_area on need_replica (area_code) where open;
