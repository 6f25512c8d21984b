-- A need taking over proposals reads, of each fitting offer, the few that scored lowest: through
-- this index, however many proposals the offer has open.
create index match_proposed_by_score on match (offer_id, score) where status = 'PROPOSED';
