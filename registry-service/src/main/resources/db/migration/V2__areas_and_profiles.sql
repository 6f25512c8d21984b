-- The administrative hierarchy: province (2 digits) → city (4) → district (6) → street (9) →
-- community (12); a code's first digits name its ancestors.
create table area (
    code        varchar(12) primary key,
    name        varchar(100) not null,
    level       varchar(20)  not null,
    parent_code varchar(12) references area (code),
    risk_level  varchar(20)  -- communities only; null until the coordinator sets one
);
create index area_parent on area (parent_code, code);

-- Every risk level ever set, newest last.
create table area_risk_level_change (
    id             bigint generated always as identity primary key,
    area_code      varchar(12)  not null references area (code),
    level          varchar(20)  not null,
    previous_level varchar(20),
    reason         text,
    changed_by     varchar(200) not null,
    changed_at     timestamptz  not null
);
create index area_risk_level_change_area on area_risk_level_change (area_code, changed_at);

alter table organization
    add column evaluation_grade        varchar(2),
    add column service_domains         varchar(40)[] not null default '{}',
    add column target_groups           varchar(40)[] not null default '{}',
    add column public_contact          jsonb,
    add column private_contacts        jsonb not null default '[]',
    add column website                 varchar(300),
    add column sponsor_organization_id uuid references organization (id);
create index organization_sponsor on organization (sponsor_organization_id);
-- Directory search by name: substring matches, Chinese included.
create index organization_name_zh on organization (name_zh varchar_pattern_ops);

-- The e-mail a member was added by (personal data of the member: members and coordinator only).
alter table organization_member add column email varchar(200);
