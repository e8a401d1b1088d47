-- Query side, read model "tickets": a ticket's township read through its project's latest move. The raise and the
-- move are handled by different segments of the processor (a ticket's events by ticket, a project's by project),
-- so at the same moment neither sees the other's uncommitted row: the raise may keep the old township while the
-- move's UPDATE misses the ticket not yet committed. ticket_project_township always holds the latest move, so a
-- ticket read through this view follows it whatever order the two were handled in.
CREATE VIEW ticket_now AS
SELECT t.ticket_id, t.project_id, coalesce(m.township, t.township) AS township, t.category, t.description, t.status,
       t.department, t.working_days, t.assigned_on, t.due_on, t.calendar_assumed, t.answered_on, t.answer,
       t.escalation, t.closed_on, t.raised_on, t.raised_by, t.updated_at, t.last_sequence, t.overdue_announced
  FROM ticket t LEFT JOIN ticket_project_township m ON m.project_id = t.project_id;
