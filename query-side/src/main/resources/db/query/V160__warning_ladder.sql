-- The warning ladder of today, kept instead of worked out per request (#19: the ladder's list must answer within
-- its query target on the national data set). warning_ladder holds the day (and the thresholds) the rows were worked
-- out for; warning_current one row per warning of that day, with the columns the list filters and sorts by;
-- warning_touched the projects whose versions or arrivals changed since, written in the project versions' own
-- transaction. A request reads warning_current for the untouched projects and works the touched ones out live; a
-- refresh works the touched ones out again (or everything, on a new day) and empties warning_touched.
CREATE TABLE warning_ladder (
    id          INT         PRIMARY KEY CHECK (id = 1),
    day         DATE        NOT NULL,
    settings    TEXT        NOT NULL,
    refreshed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE warning_current (
    project_id          VARCHAR(36)   NOT NULL,
    rule                VARCHAR(32)   NOT NULL,
    township            VARCHAR(64)   NOT NULL,
    leader              VARCHAR(64),
    name                TEXT          NOT NULL,
    contract_amount_wan NUMERIC(20, 6),
    signed_on           DATE          NOT NULL,
    colour              VARCHAR(8)    NOT NULL,
    colour_rank         SMALLINT      NOT NULL,
    rule_rank           SMALLINT      NOT NULL,
    since               DATE          NOT NULL,
    escalation          VARCHAR(16)   NOT NULL,
    detail              TEXT          NOT NULL,
    CONSTRAINT warning_current_pk PRIMARY KEY (project_id, rule)
);
-- the list's order: most urgent first (see WarningQueries.MOST_URGENT_FIRST)
CREATE INDEX warning_current_order ON warning_current (colour_rank DESC, since, project_id COLLATE "C", rule_rank);
CREATE INDEX warning_current_township ON warning_current (township);
CREATE INDEX warning_current_leader ON warning_current (leader) WHERE leader IS NOT NULL;

CREATE TABLE warning_touched (
    seq        BIGSERIAL   PRIMARY KEY,
    project_id VARCHAR(36) NOT NULL
);
CREATE INDEX warning_touched_project ON warning_touched (project_id);
