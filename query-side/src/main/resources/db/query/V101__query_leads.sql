-- Query side, read model "leads" (#20): every lead (项目线索 / 项目信息) as it stands now, and every event of it with
-- the stage after it (its timeline). Written by query.lead.LeadProjection, read only by query.lead.
CREATE TABLE lead (
    lead_id             VARCHAR(36)    NOT NULL,
    unit                VARCHAR(40)    NOT NULL,
    township            VARCHAR(40),
    investor            VARCHAR(200)   NOT NULL,
    credit_code         VARCHAR(18),
    project             VARCHAR(200)   NOT NULL,
    expected_amount_wan NUMERIC(20, 6) NOT NULL,
    target_companies    TEXT           NOT NULL,
    source              VARCHAR(30)    NOT NULL,
    stage               VARCHAR(20)    NOT NULL,
    suspended_at        VARCHAR(20),
    recorded_on         DATE           NOT NULL,
    assessed_on         DATE,
    first_talk_on       DATE,
    led_by              VARCHAR(200),
    contract_reviewed   BOOLEAN        NOT NULL DEFAULT false,
    closed_on           DATE,
    project_id          VARCHAR(36),
    credited_units      TEXT,
    possible_duplicates TEXT           NOT NULL,
    first_unit          VARCHAR(40),
    last_report_on      DATE,
    updated_at          TIMESTAMPTZ    NOT NULL,
    last_sequence       BIGINT         NOT NULL,
    CONSTRAINT lead_pk PRIMARY KEY (lead_id)
);
CREATE INDEX lead_unit_idx ON lead (unit, recorded_on);
CREATE INDEX lead_township_idx ON lead (township) WHERE township IS NOT NULL;
CREATE INDEX lead_recorded_idx ON lead (recorded_on);
CREATE INDEX lead_stage_idx ON lead (stage);
CREATE INDEX lead_project_idx ON lead (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE lead_event (
    lead_id         VARCHAR(36)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    type            VARCHAR(60)  NOT NULL,
    occurred_on     DATE         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(100),
    role            VARCHAR(20),
    reason          VARCHAR(500),
    summary         TEXT         NOT NULL,
    stage           VARCHAR(20)  NOT NULL,
    CONSTRAINT lead_event_pk PRIMARY KEY (lead_id, sequence_number)
);
