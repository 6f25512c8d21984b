-- What a need's proposals hold is summed after every takeover, release and cancellation: by this
-- index, not by reading every match of the network (the unique index on live pairs serves only
-- queries that name the status it excludes).
create index match_by_need on match (need_id, status);
