-- Query side, read model "evidence" (query.evidence, #19 实证): every file attached as proof, to a project's
-- milestone (or the project as a whole) or to a ticket, as its event recorded it (the bytes live in the
-- EvidenceStore, by sha256); and every supervisor's finding on a milestone (已核实 / 存疑), kept as a history so that
-- the bulletin can count verified milestones as recorded at any knownAt.
CREATE TABLE evidence (
    evidence_id      VARCHAR(36)    NOT NULL,
    -- exactly one of project_id (EvidenceAttached) and ticket_id (TicketEvidenceAttached)
    project_id       VARCHAR(36),
    ticket_id        VARCHAR(36),
    milestone        VARCHAR(16),
    file_name        VARCHAR(200)   NOT NULL,
    media_type       VARCHAR(40)    NOT NULL,
    size             BIGINT         NOT NULL,
    sha256           CHAR(64)       NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    captured_at      TIMESTAMP,
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    attached_at      TIMESTAMPTZ    NOT NULL,
    attached_by      VARCHAR(100),
    sequence_number  BIGINT         NOT NULL,
    CONSTRAINT evidence_pk PRIMARY KEY (evidence_id),
    CONSTRAINT evidence_owner_ck CHECK ((project_id IS NULL) <> (ticket_id IS NULL))
);
CREATE INDEX evidence_project_idx ON evidence (project_id, milestone) WHERE project_id IS NOT NULL;
CREATE INDEX evidence_ticket_idx ON evidence (ticket_id) WHERE ticket_id IS NOT NULL;

-- One row per finding, in the project's event order; verdict NULL: the milestone was retracted, its finding gone.
-- A milestone's finding as recorded at knownAt is its latest row recorded by then.
CREATE TABLE milestone_verification (
    project_id       VARCHAR(36)    NOT NULL,
    sequence_number  BIGINT         NOT NULL,
    milestone        VARCHAR(16)    NOT NULL,
    verdict          VARCHAR(10),
    reason           VARCHAR(500),
    recorded_at      TIMESTAMPTZ    NOT NULL,
    recorded_by      VARCHAR(100),
    CONSTRAINT milestone_verification_pk PRIMARY KEY (project_id, sequence_number),
    CONSTRAINT milestone_verification_verdict_ck CHECK (verdict IN ('VERIFIED', 'DOUBTFUL'))
);
CREATE INDEX milestone_verification_latest_idx ON milestone_verification (project_id, milestone, recorded_at);
