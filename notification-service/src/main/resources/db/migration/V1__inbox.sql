-- What each organization's members find in their inbox.
create table inbox_item (
    id                        uuid primary key,
    recipient_organization_id uuid         not null,
    kind                      varchar(40)  not null,
    title                     varchar(300) not null,
    body                      text         not null,
    about_id                  uuid         not null, -- the match (or other aggregate) it is about
    created_at                timestamptz  not null,
    unique (recipient_organization_id, kind, about_id)
);
create index inbox_item_recipient on inbox_item (recipient_organization_id, created_at desc);
