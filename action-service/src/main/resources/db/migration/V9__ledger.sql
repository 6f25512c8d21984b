-- Public ledgers (透明度, 定期公示): one append-only hash chain per organization. Each entry holds the
-- hash of the one before it; ledger_head holds the last sequence and hash, so that removing the
-- newest entries is seen too.
create table ledger_entry (
    id                 uuid primary key,
    organization_id    uuid          not null,
    sequence           bigint        not null check (sequence > 0),
    action_id          uuid references action (id),
    need_id            uuid references need (id),
    kind               varchar(30)   not null,
    amount             numeric(16,2) not null check (amount > 0),
    unit               varchar(20)   not null,
    item               varchar(200),
    counterparty       varchar(200),
    anonymous          boolean       not null,
    evidence_reference varchar(500),
    note               varchar(2000),
    occurred_at        timestamptz   not null,
    recorded_by        varchar(200)  not null,
    recorded_at        timestamptz   not null,
    reverses_entry_id  uuid references ledger_entry (id),
    previous_hash      char(64)      not null,
    hash               char(64)      not null,
    unique (organization_id, sequence)
);
-- An entry is reversed once at most.
create unique index ledger_entry_reversed_once on ledger_entry (reverses_entry_id) where reverses_entry_id is not null;
create index ledger_entry_action on ledger_entry (action_id) where action_id is not null;
create index ledger_entry_need on ledger_entry (need_id) where need_id is not null;

create table ledger_head (
    organization_id uuid primary key,
    sequence        bigint   not null,
    hash            char(64) not null
);

-- The service only ever inserts: an update or delete is refused here too, so that no bug of ours
-- rewrites history. (Whoever owns the database can still do it; the chain is what shows it.)
create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only: record a reversing entry instead';
end;
$$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
