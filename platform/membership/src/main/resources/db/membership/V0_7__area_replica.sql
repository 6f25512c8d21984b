-- Replica of the registry's areas (registry.areas.v1): codes, names and the hierarchy, for checking
-- the places people write and naming them. No foreign key to the parent: areas arrive on several
-- partitions, a child may come before its parent.
create table area_replica (
    code        varchar(12) primary key,
    name        varchar(100) not null,
    level       varchar(20)  not null,
    parent_code varchar(12),
    risk_level  varchar(20)
);
