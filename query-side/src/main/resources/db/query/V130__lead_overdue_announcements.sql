-- Query side, the leads' service levels (#20): each lapse of a lead's follow-up announced on the alert stream, once.
-- A lapse is the lead, what it owed and since when (a later step owes something new, which may lapse again); the
-- row is inserted by the instance that announces it, so that two query-side instances never announce it twice.
-- Written and read only by query.lead.OverdueLeadAnnouncements. Not part of the leads' read model: a rebuild of it
-- leaves this table alone, and so announces no old lapse again.
CREATE TABLE lead_overdue_announcement (
    lead_id      VARCHAR(36) NOT NULL,
    obligation   VARCHAR(20) NOT NULL,
    since        DATE        NOT NULL,
    due_on       DATE        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT lead_overdue_announcement_pk PRIMARY KEY (lead_id, obligation, since)
);
