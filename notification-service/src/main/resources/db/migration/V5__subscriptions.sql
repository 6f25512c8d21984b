-- What a person follows beyond their organizations: news in an area's subtree, of a category, of an
-- organization, or about one need (a donor hearing that the need it helped with was fulfilled);
-- the conditions given must all hold. kinds: comma-separated, null for every kind a subscription can bring.
create table subscription (
    id              uuid primary key,
    subject         varchar(255) not null,
    area_code       varchar(12),
    category        varchar(30),
    organization_id uuid,
    need_id         uuid,
    kinds           text,
    created_at      timestamptz  not null,
    check (area_code is not null or category is not null or organization_id is not null or need_id is not null)
);
create index subscription_by_subject on subscription (subject);
create index subscription_by_need on subscription (need_id) where need_id is not null;
