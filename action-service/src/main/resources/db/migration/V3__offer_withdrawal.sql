-- An offer can be withdrawn, with a reason, like a need.
alter table offer add column status_reason text;
-- Optimistic locking: concurrent changes of one need or offer cannot both commit.
alter table need add column version integer not null default 0;
alter table offer add column version integer not null default 0;
