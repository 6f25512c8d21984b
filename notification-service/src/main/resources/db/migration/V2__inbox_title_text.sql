-- Titles repeat the item's name (up to 200 characters) in Chinese and English.
alter table inbox_item alter column title type text;
