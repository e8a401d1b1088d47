-- Query side, read model "project-history": every event of every project with who recorded it, when and why.
-- Answers a project's history, the supervisors' audit search, and time travel by record time (knownAt).
CREATE TABLE project_event (
    global_index      BIGINT       NOT NULL,
    event_identifier  VARCHAR(255) NOT NULL,
    project_id        VARCHAR(36)  NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    type              VARCHAR(60)  NOT NULL,
    occurred_on       DATE,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    actor             VARCHAR(100),
    role              VARCHAR(20),
    actor_township    VARCHAR(40),
    project_township  VARCHAR(40)  NOT NULL,
    reason            VARCHAR(500),
    idempotency_key   VARCHAR(200),
    data              JSONB        NOT NULL,
    CONSTRAINT project_event_pk PRIMARY KEY (global_index),
    CONSTRAINT project_event_sequence_uk UNIQUE (project_id, sequence_number)
);
CREATE INDEX project_event_recorded_idx ON project_event (recorded_at);
CREATE INDEX project_event_actor_idx ON project_event (actor, recorded_at);
CREATE INDEX project_event_township_idx ON project_event (project_township, recorded_at);
CREATE INDEX project_event_type_idx ON project_event (type, recorded_at);
