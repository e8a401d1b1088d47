-- Query side, alerts pushed to subscribers (SPEC §4): every change of a project's stalled-contract level that was
-- announced, in order (the id is the server-sent event's id, so a client that reconnects with Last-Event-ID gets what
-- it missed), and the last level announced per project, so that a restart neither repeats nor loses a crossing.
-- Several query-side instances share both tables; their sweeps take turns under an advisory lock.
CREATE TABLE alert_announcement (
    id             BIGSERIAL    NOT NULL,
    project_id     VARCHAR(36)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    township       VARCHAR(40)  NOT NULL,  -- the project's, which decides who may read the announcement
    kind           VARCHAR(10)  NOT NULL,  -- RAISED, LOWERED, CLEARED, RESTORED
    level          VARCHAR(10),            -- the level from now on; null when cleared
    previous_level VARCHAR(10),            -- the level announced before; null for a first or restored alert
    cause          VARCHAR(20),            -- why a level cleared: STARTED, TERMINATED, VOIDED, NOT_DUE
    signed_on      DATE         NOT NULL,
    crossed_on     DATE,                   -- the day the project reached its level (signedOn plus the level's months)
    announced_on   DATE         NOT NULL,  -- the sweep's day on the injected clock
    announced_at   TIMESTAMPTZ  NOT NULL,
    message        VARCHAR(500) NOT NULL,  -- as shown then; a later change of thresholds does not rewrite it
    CONSTRAINT alert_announcement_pk PRIMARY KEY (id)
);
CREATE INDEX alert_announcement_township_idx ON alert_announcement (township, id);

CREATE TABLE alert_announced_level (
    project_id      VARCHAR(36) NOT NULL,
    level           VARCHAR(10),           -- null: announced once, cleared since (so a return is a RESTORED)
    cause           VARCHAR(20),           -- why it cleared, to say what was undone when it returns
    announcement_id BIGINT      NOT NULL,
    CONSTRAINT alert_announced_level_pk PRIMARY KEY (project_id),
    CONSTRAINT alert_announced_level_announcement_fk FOREIGN KEY (announcement_id) REFERENCES alert_announcement (id)
);
