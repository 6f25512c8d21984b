-- An offer can be withdrawn, with a reason, like a need.
alter table offer add column status_reason text;
