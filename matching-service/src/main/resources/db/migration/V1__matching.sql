-- Open needs and offers as action-service published them (no personal data ever arrives here).
create table need_replica (
    id              uuid primary key,
    organization_id uuid          not null,
    category        varchar(20)   not null,
    item            varchar(200)  not null,
    quantity        numeric(14,2) not null,
    unit            varchar(20)   not null,
    urgency         varchar(20)   not null,
    area_code       varchar(12)   not null,
    deadline        timestamptz,
    open            boolean       not null,
    posted_at       timestamptz   not null
);
create index need_replica_open on need_replica (category, open);

create table offer_replica (
    id                 uuid primary key,
    organization_id    uuid          not null,
    category           varchar(20)   not null,
    item               varchar(200)  not null,
    quantity_available numeric(14,2) not null, -- what is not yet promised to a proposal
    unit               varchar(20)   not null,
    area_code          varchar(12)   not null,
    available_until    timestamptz,
    open               boolean       not null,
    posted_at          timestamptz   not null
);
create index offer_replica_open on offer_replica (category, open);

create table match (
    id                        uuid primary key,
    need_id                   uuid          not null references need_replica (id),
    offer_id                  uuid          not null references offer_replica (id),
    requester_organization_id uuid          not null,
    provider_organization_id  uuid          not null,
    quantity                  numeric(14,2) not null check (quantity > 0),
    unit                      varchar(20)   not null,
    status                    varchar(20)   not null,
    explanation               text          not null,
    proposed_at               timestamptz   not null,
    unique (need_id, offer_id)
);
create index match_provider on match (provider_organization_id, status);
create index match_requester on match (requester_organization_id, status);
