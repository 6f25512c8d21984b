-- A person may follow an action (a campaign: its needs, offers and ledger entries), e.g. a donor
-- following how the money of the winter-clothing drive is spent.
alter table subscription add column action_id uuid;
alter table subscription drop constraint subscription_check;
alter table subscription add constraint subscription_follows_something check (area_code is not null or category is not null
    or organization_id is not null or need_id is not null or action_id is not null);
