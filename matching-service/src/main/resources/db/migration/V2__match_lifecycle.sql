-- The proposal's lifecycle: accepted or declined by the provider, delivered (in one or more parts),
-- confirmed by the requester.
alter table match add column quantity_delivered numeric(14,2) not null default 0;
alter table match add column decline_reason text;
alter table match add column decided_at timestamptz;
alter table match add column confirmed_at timestamptz;
alter table match add column version bigint not null default 0;

create table match_delivery (
    id          uuid primary key,
    match_id    uuid          not null references match (id),
    quantity    numeric(14,2) not null check (quantity > 0),
    note        varchar(2000),
    reported_by varchar(200)  not null,
    reported_at timestamptz   not null
);
create index match_delivery_match on match_delivery (match_id, reported_at);
