-- Query side, read model "project-versions": every project as it stood after each of its events, valid in record
-- time from recorded_from (the event's recordedAt) until the next version's (recorded_to, null for the current
-- one). Current rows answer today's lists and statistics; the intervals answer knownAt ("as the bulletin of March
-- saw it"). Business time (asOf) is answered by the milestone dates themselves.
CREATE TABLE project_version (
    project_id             VARCHAR(36)    NOT NULL,
    version                BIGINT         NOT NULL,  -- sequence number of the event that made this version
    recorded_from          TIMESTAMPTZ    NOT NULL,
    recorded_to            TIMESTAMPTZ,
    name                   VARCHAR(200)   NOT NULL,
    investor               VARCHAR(200)   NOT NULL,
    township               VARCHAR(40)    NOT NULL,
    industry_chain         VARCHAR(40)    NOT NULL,
    industrial             BOOLEAN        NOT NULL,
    contract_amount_wan    NUMERIC(20, 6) NOT NULL,
    source_region          VARCHAR(20)    NOT NULL,
    signed_on              DATE           NOT NULL,
    introduced_by          VARCHAR(100),
    registered_on          DATE,
    company_name           VARCHAR(200),
    credit_code            VARCHAR(18),
    foreign_invested       BOOLEAN,
    started_on             DATE,
    start_kind             VARCHAR(10),
    stored_on              DATE,
    planned_investment_wan NUMERIC(20, 6),
    production_on          DATE,
    terminated_on          DATE,
    termination_reason     VARCHAR(500),
    voided                 BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT project_version_pk PRIMARY KEY (project_id, version)
);
CREATE UNIQUE INDEX project_version_current_uk ON project_version (project_id) WHERE recorded_to IS NULL;
CREATE INDEX project_version_current_township_idx ON project_version (township, signed_on) WHERE recorded_to IS NULL;
CREATE INDEX project_version_current_signed_idx ON project_version (signed_on) WHERE recorded_to IS NULL;
CREATE INDEX project_version_recorded_idx ON project_version (recorded_from, recorded_to);

-- Fund arrivals, versioned the same way; a retraction closes the arrival's last version without a new one.
CREATE TABLE fund_arrival_version (
    project_id     VARCHAR(36)    NOT NULL,
    arrival_no     INTEGER        NOT NULL,
    version        BIGINT         NOT NULL,
    recorded_from  TIMESTAMPTZ    NOT NULL,
    recorded_to    TIMESTAMPTZ,
    arrived_on     DATE           NOT NULL,
    source         VARCHAR(20)    NOT NULL,
    amount_wan     NUMERIC(20, 6),
    amount_usd_wan NUMERIC(20, 6),
    CONSTRAINT fund_arrival_version_pk PRIMARY KEY (project_id, arrival_no, version)
);
CREATE UNIQUE INDEX fund_arrival_version_current_uk ON fund_arrival_version (project_id, arrival_no) WHERE recorded_to IS NULL;
CREATE INDEX fund_arrival_version_current_arrived_idx ON fund_arrival_version (arrived_on) WHERE recorded_to IS NULL;
CREATE INDEX fund_arrival_version_recorded_idx ON fund_arrival_version (recorded_from, recorded_to);
