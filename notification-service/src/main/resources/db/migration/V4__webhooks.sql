-- An organization's webhooks: where the network POSTs its news (signed with the webhook's secret), for
-- which kinds (all when kinds is null). The secret is shown once, when the webhook is made.
create table webhook (
    id              uuid primary key,
    organization_id uuid          not null,
    url             varchar(2000) not null,
    secret          varchar(100)  not null,
    kinds           text,         -- comma-separated kinds, or null for every kind
    active          boolean       not null default true,
    created_by      varchar(255)  not null,
    created_at      timestamptz   not null
);
create index webhook_by_organization on webhook (organization_id) where active;
