-- The offer's whole quantity, so that what is free is always computed the same way: the whole
-- less what proposals still hold (declined and cancelled ones hold nothing).
alter table offer_replica add column quantity numeric(14,2);
update offer_replica o set quantity = o.quantity_available + coalesce((
    select sum(m.quantity) from match m where m.offer_id = o.id and m.status not in ('DECLINED', 'CANCELLED')), 0);
alter table offer_replica alter column quantity set not null;

-- Why a match was cancelled by the network (the need withdrawn or expired, a party suspended).
alter table match add column cancel_reason text;
