-- Proposals made before expiry existed expire like the others, 48 hours after they were made.
update match set expires_at = proposed_at + interval '48 hours' where status = 'PROPOSED' and expires_at is null;
-- A provider's load counts matches under way: not those already delivered (waiting for confirmation).
update provider_record p set active = (select count(*) from match m
    where m.provider_organization_id = p.organization_id and m.status in ('PROPOSED', 'ACCEPTED'));
