-- Each version names the event that made it by its global index, so that the writer can tell a redelivery (the same
-- event again) from another event that took the same sequence number (an event deleted and its number reused: the
-- tampering that verify names). NULL for rows written before this column, which are taken as redeliveries.
ALTER TABLE project_version ADD COLUMN global_index bigint;
ALTER TABLE fund_arrival_version ADD COLUMN global_index bigint;
