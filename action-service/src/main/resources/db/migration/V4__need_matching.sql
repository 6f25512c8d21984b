-- A need's status follows what matching proposes: how much of it is covered so far.
alter table need add column quantity_matched numeric(14,2) not null default 0;
create index need_sought on need (posted_at desc) where status in ('OPEN', 'PARTIALLY_MATCHED');
