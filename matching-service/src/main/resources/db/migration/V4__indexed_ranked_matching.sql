-- Incremental, indexed matching: candidates are found by category, item (its synonym key) and place
-- through indexes, so the cost of an event does not grow with the number of open items the way a
-- scan does. Division codes compare byte-wise (C collation), so an area's subtree is a range.
alter table need_replica alter column area_code type varchar(12) collate "C";
alter table offer_replica alter column area_code type varchar(12) collate "C";
alter table need_replica add column item_key varchar(200);
update need_replica set item_key = lower(btrim(item));
alter table need_replica alter column item_key set not null;
alter table offer_replica add column item_key varchar(200);
update offer_replica set item_key = lower(btrim(item));
alter table offer_replica alter column item_key set not null;

-- What proposals still hold of each need (declined, expired and cancelled ones hold nothing).
alter table need_replica add column quantity_covered numeric(14,2) not null default 0;
update need_replica n set quantity_covered = coalesce((select sum(m.quantity) from match m
    where m.need_id = n.id and m.status not in ('DECLINED', 'CANCELLED')), 0);
-- When the coordinator was told that the need waits for a provider too long.
alter table need_replica add column escalated_at timestamptz;

drop index if exists need_replica_open;
drop index if exists offer_replica_open;
create index need_candidates on need_replica (category, item_key, area_code) where open;
create index offer_candidates on offer_replica (category, item_key, area_code) where open;
create index need_unmatched on need_replica (posted_at) where open and escalated_at is null;

-- The proposal's score (the parts are in its explanation) and when it expires unanswered.
alter table match add column score numeric(8,3);
alter table match add column expires_at timestamptz;
create index match_expiring on match (expires_at) where status = 'PROPOSED';
create index match_offer on match (offer_id, status);

-- Each provider's current load and track record, kept as matches move, for ranking.
create table provider_record (
    organization_id uuid primary key,
    active          integer not null default 0,
    accepted        integer not null default 0,
    declined        integer not null default 0,
    expired         integer not null default 0,
    delivered       integer not null default 0
);
insert into provider_record (organization_id, active, accepted, declined, delivered)
select provider_organization_id,
       count(*) filter (where status in ('PROPOSED', 'ACCEPTED', 'DELIVERED')),
       count(*) filter (where status in ('ACCEPTED', 'DELIVERED', 'CONFIRMED')),
       count(*) filter (where status = 'DECLINED'),
       count(*) filter (where status in ('DELIVERED', 'CONFIRMED'))
from match group by provider_organization_id;
