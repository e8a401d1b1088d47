-- Each version names the event that made it by its identifier, so that the writer can tell a redelivery (the same
-- event again) from another event that took the same sequence number (an event deleted and its number reused: the
-- tampering that verify names). The identifier, not the tracking token's position: while two segments merge, the
-- token a handler sees is the merged token's lower bound, not the event's own place in the store.
-- NULL for rows written before this column, which are taken as redeliveries.
ALTER TABLE project_version ADD COLUMN event_id varchar(255);
ALTER TABLE fund_arrival_version ADD COLUMN event_id varchar(255);
