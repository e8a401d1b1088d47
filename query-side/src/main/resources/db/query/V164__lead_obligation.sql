-- Query side, read model "leads" (#20): what each open lead owes now, kept beside it, so that the late leads are read
-- through an index rather than worked out from every open lead's steps on each request (p95 511 ms at 100,000
-- projects). owes is the obligation (RESPOND, ASSESSMENT, FEEDBACK, REPORT; null once the lead is paused, signed or
-- abandoned), owes_since the day its deadline runs from. Both follow from the lead's steps alone; the deadline itself
-- depends on the calendar in force and the configured service levels, so it is counted when read
-- (query.lead.OverdueLeads). Written by query.lead.LeadObligations in the projection's transaction.
ALTER TABLE lead ADD COLUMN owes VARCHAR(20), ADD COLUMN owes_since DATE;
CREATE INDEX lead_owes_idx ON lead (owes, owes_since, lead_id) INCLUDE (unit, township) WHERE owes IS NOT NULL;
-- the open leads recorded before this column existed, filled in once on the first read
CREATE INDEX lead_owes_unknown_idx ON lead (lead_id)
    WHERE owes IS NULL AND stage IN ('INFO', 'ASSESSED', 'NEGOTIATING', 'REVIEWED');
