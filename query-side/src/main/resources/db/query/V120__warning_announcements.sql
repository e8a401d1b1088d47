-- The warning ladder (#19): what was last announced of each project's warnings, one row per (project, rule) while
-- it stands yellow or red, so that a sweep announces only what changed, once, across restarts and instances.
-- warning_sweep remembers the first sweep, which records what stands without announcing it (a system that learns
-- the ladder with a year of projects would otherwise post every old warning to the groups at once).
CREATE TABLE warning_announced (
    project_id   VARCHAR(36) NOT NULL,
    rule         VARCHAR(32) NOT NULL,
    colour       VARCHAR(8)  NOT NULL,
    escalation   VARCHAR(16) NOT NULL,
    since        DATE        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT warning_announced_pk PRIMARY KEY (project_id, rule)
);

CREATE TABLE warning_sweep (
    id         INT         PRIMARY KEY CHECK (id = 1),
    first_on   DATE        NOT NULL,
    first_at   TIMESTAMPTZ NOT NULL
);
