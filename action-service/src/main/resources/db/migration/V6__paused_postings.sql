-- While its organization is suspended, a posting is paused: off the board, offered to nobody.
alter table need add column paused boolean not null default false;
alter table offer add column paused boolean not null default false;
