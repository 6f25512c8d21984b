-- A proposal the network cancelled (a more urgent need or a closer offer took it over, a party was
-- paused) no longer bars its need and offer from meeting again; one declined or expired still does,
-- and a pair holds one live match at most.
alter table match drop constraint match_need_id_offer_id_key;
create unique index match_pair_live on match (need_id, offer_id) where status <> 'CANCELLED';
