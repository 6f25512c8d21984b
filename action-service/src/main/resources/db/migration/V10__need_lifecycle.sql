-- A need's status follows its matches to the end: delivered, then fulfilled when the requester confirms.
alter table need add column quantity_delivered numeric(14,2) not null default 0;
alter table need add column quantity_received numeric(14,2) not null default 0;
create index need_expiring on need (deadline) where status in ('OPEN', 'PARTIALLY_MATCHED');

-- Providers whose match on a need was accepted: while it is open (accepted, not yet confirmed) their
-- members may read the beneficiary's details, to deliver.
create table need_provider (
    match_id                 uuid primary key,
    need_id                  uuid        not null references need (id),
    provider_organization_id uuid        not null,
    accepted_at              timestamptz not null,
    closed_at                timestamptz
);
create index need_provider_need on need_provider (need_id);
