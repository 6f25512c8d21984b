-- The hub that sponsors a grassroots group may speak for it.
alter table organization_replica add column sponsor_organization_id uuid;
