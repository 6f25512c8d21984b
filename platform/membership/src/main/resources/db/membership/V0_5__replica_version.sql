-- Snapshots are ordered by the organization's version in the registry, not by the producer's clock.
alter table organization_replica add column version bigint;
