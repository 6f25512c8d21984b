-- Areas reach the other services as events (AreaDefined on registry.areas.v1). A row not yet
-- announced (seeded, imported, renamed) is announced by the registry shortly after, parents first.
alter table area add column announced boolean not null default false;
create index area_unannounced on area (length(code), code) where not announced;
