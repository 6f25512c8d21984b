-- Every read of a beneficiary's personal data: who, when, as what (DESIGN: audit log).
create table personal_data_access (
    id          bigint generated always as identity primary key,
    need_id     uuid         not null references need (id) on delete cascade,
    subject     varchar(200) not null,
    as_role     varchar(40)  not null,
    accessed_at timestamptz  not null
);
create index personal_data_access_need on personal_data_access (need_id, accessed_at);
