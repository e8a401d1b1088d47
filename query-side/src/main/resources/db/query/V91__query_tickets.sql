-- Query side, read model "tickets" (query.ticket): every problem ticket as it stands now (ticket), and every event
-- of it with who and why and the ticket's status, department and deadline after it (ticket_event), so that the
-- counts per department can be asked for any asOf and knownAt, like the bulletin's other columns.
CREATE TABLE ticket (
    ticket_id            VARCHAR(36)   NOT NULL,
    project_id           VARCHAR(36)   NOT NULL,
    -- the project's township: as raised, then following the project when a supervisor moves it
    township             VARCHAR(40)   NOT NULL,
    category             VARCHAR(20)   NOT NULL,
    description          TEXT          NOT NULL,
    status               VARCHAR(12)   NOT NULL,
    department           VARCHAR(16),
    working_days         INTEGER,
    assigned_on          DATE,
    due_on               DATE,
    calendar_assumed     BOOLEAN       NOT NULL DEFAULT FALSE,
    answered_on          DATE,
    answer               TEXT,
    escalation           VARCHAR(16),
    closed_on            DATE,
    raised_on            DATE          NOT NULL,
    raised_by            VARCHAR(100),
    updated_at           TIMESTAMPTZ   NOT NULL,
    last_sequence        BIGINT        NOT NULL,
    -- the deadline whose lapse was last pushed as an alert (query.ticket.OverdueTickets), so that each lapse is
    -- announced once, whichever instance sweeps; a reopening's new deadline can lapse and be announced again
    overdue_announced    DATE,
    CONSTRAINT ticket_pk PRIMARY KEY (ticket_id)
);
CREATE INDEX ticket_township_idx ON ticket (township, status);
CREATE INDEX ticket_department_idx ON ticket (department, status);
CREATE INDEX ticket_project_idx ON ticket (project_id);
CREATE INDEX ticket_waiting_idx ON ticket (due_on) WHERE status = 'ASSIGNED';

CREATE TABLE ticket_event (
    ticket_id        VARCHAR(36)   NOT NULL,
    sequence_number  BIGINT        NOT NULL,
    type             VARCHAR(40)   NOT NULL,
    occurred_on      DATE          NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    actor            VARCHAR(100),
    role             VARCHAR(20),
    reason           TEXT,
    summary          TEXT          NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    department       VARCHAR(16),
    due_on           DATE,
    CONSTRAINT ticket_event_pk PRIMARY KEY (ticket_id, sequence_number)
);
CREATE INDEX ticket_event_recorded_idx ON ticket_event (recorded_at);

-- A project's township after its latest correction of attributes, as far as this read model has seen: a ticket's
-- event and its project's move are handled in different segments, so a move recorded after a raise can arrive
-- first, and the raise then takes the township from here instead of the one the command side saw.
CREATE TABLE ticket_project_township (
    project_id  VARCHAR(36)  NOT NULL,
    township    VARCHAR(40)  NOT NULL,
    CONSTRAINT ticket_project_township_pk PRIMARY KEY (project_id)
);
