-- Query side, read model "leads" (#20): what each open lead owes (lead.owes, lead.owes_since, V164) is set by a
-- trigger on the row from four facts the projection keeps beside the lead, instead of by three more statements per
-- event in the projection (they made the leads the slowest read model of a rebuild: 1,500 events/s on the national
-- set, where the others ran at 2,700). The projection keeps, per lead:
--   followed_up       any follow-up at all: a 研判, 首谈, review or progress report (a resumption is none);
--   after_assessment  a 首谈, review or progress report came after a 研判;
--   resumed_on        the latest day it was resumed after a pause;
--   latest_step_on    the latest review, progress report or resumption (研判 and 首谈 are assessed_on and
--                     first_talk_on, corrected in place).
-- The rule (service levels, docs/contract.md §5e): an open lead owes the first of
--   RESPOND     from its report, until any follow-up (or a resumption);
--   ASSESSMENT  from its report or its latest resumption, until its 研判;
--   FEEDBACK    from its 研判 or its latest resumption, until a step after the 研判;
--   REPORT      from its latest step (研判, 首谈, review, progress report, resumption), every report-every days.
-- Paused, signed and abandoned leads owe nothing. How many working days each has is read when the deadlines are
-- counted (query.lead.OverdueLeads).
ALTER TABLE lead ADD COLUMN followed_up      BOOLEAN NOT NULL DEFAULT false,
                 ADD COLUMN after_assessment BOOLEAN NOT NULL DEFAULT false,
                 ADD COLUMN resumed_on       DATE,
                 ADD COLUMN latest_step_on   DATE;
DROP INDEX lead_owes_unknown_idx;

CREATE FUNCTION lead_obligation() RETURNS trigger AS $$
BEGIN
    NEW.owes := CASE
        WHEN NEW.stage NOT IN ('INFO', 'ASSESSED', 'NEGOTIATING', 'REVIEWED') THEN NULL
        WHEN NOT NEW.followed_up AND NEW.resumed_on IS NULL THEN 'RESPOND'
        WHEN NEW.assessed_on IS NULL THEN 'ASSESSMENT'
        WHEN NOT NEW.after_assessment THEN 'FEEDBACK'
        ELSE 'REPORT' END;
    NEW.owes_since := CASE NEW.owes
        WHEN 'RESPOND' THEN NEW.recorded_on
        WHEN 'ASSESSMENT' THEN greatest(NEW.recorded_on, NEW.resumed_on)
        WHEN 'FEEDBACK' THEN greatest(NEW.assessed_on, NEW.resumed_on)
        WHEN 'REPORT' THEN greatest(NEW.latest_step_on, NEW.assessed_on, NEW.first_talk_on) END;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER lead_obligation BEFORE INSERT OR UPDATE ON lead
    FOR EACH ROW EXECUTE FUNCTION lead_obligation();

-- The four facts of the leads already kept, from their timelines (a test empties them and calls this again).
CREATE FUNCTION lead_obligation_facts_from_timelines() RETURNS void AS $$
    UPDATE lead l SET followed_up = coalesce(f.followed_up, false),
                      after_assessment = coalesce(f.after_assessment, false),
                      resumed_on = f.resumed_on, latest_step_on = f.latest_step_on
    FROM lead o LEFT JOIN (
        SELECT e.lead_id,
               bool_or(e.type <> 'LeadResumed') AS followed_up,
               bool_or(e.type IN ('LeadNegotiationStarted', 'LeadReviewed', 'LeadProgressReported')
                       AND e.sequence_number > a.first_assessed) AS after_assessment,
               max(e.occurred_on) FILTER (WHERE e.type = 'LeadResumed') AS resumed_on,
               max(e.occurred_on) FILTER (WHERE e.type IN ('LeadReviewed', 'LeadProgressReported', 'LeadResumed'))
                   AS latest_step_on
        FROM lead_event e
        LEFT JOIN (SELECT lead_id, min(sequence_number) AS first_assessed FROM lead_event
                   WHERE type = 'LeadAssessed' GROUP BY lead_id) a ON a.lead_id = e.lead_id
        WHERE e.type IN ('LeadAssessed', 'LeadNegotiationStarted', 'LeadReviewed', 'LeadProgressReported',
                         'LeadResumed')
        GROUP BY e.lead_id) f ON f.lead_id = o.lead_id
    WHERE o.lead_id = l.lead_id;
$$ LANGUAGE sql;

SELECT lead_obligation_facts_from_timelines();
