-- A grassroots group names its sponsoring hub; the hub has a say over the group only once it accepts.
alter table organization add column sponsorship_status varchar(10);
-- Sponsorships made before consent existed stay as they were.
update organization set sponsorship_status = 'ACCEPTED' where sponsor_organization_id is not null;
