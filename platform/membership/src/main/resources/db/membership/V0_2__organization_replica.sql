-- Replica of the registry's organizations and members (registry.organizations.v1).
create table organization_replica (
    id         uuid primary key,
    name_zh    varchar(300) not null,
    kind       varchar(40)  not null,
    status     varchar(20)  not null,
    updated_at timestamptz  not null
);

create table organization_member_replica (
    organization_id uuid         not null references organization_replica (id) on delete cascade,
    subject         varchar(200) not null,
    role            varchar(20)  not null,
    primary key (organization_id, subject)
);
create index organization_member_replica_subject on organization_member_replica (subject);
