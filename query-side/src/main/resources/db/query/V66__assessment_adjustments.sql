-- Query side, "assessment": the supervisors' manual adjustments of the year-end 考核 (通报表扬 +, 通报批评 −, 约谈
-- deductions −; seed 001 line 515: "被约谈招商责任单位，在年终考核时进行相应扣分"), per unit (a township or a
-- department of 附件2) and year, each with who, when and why. Rows are only ever added: a correction is a new row,
-- which may cancel an earlier one (cancels), and the year-end score at a knownAt adds the rows recorded by then.
CREATE TABLE assessment_adjustment (
    id            UUID          NOT NULL,
    year          INTEGER       NOT NULL,
    unit_kind     VARCHAR(10)   NOT NULL,
    unit_code     VARCHAR(40)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    -- the effect on the score, signed: + for praise, − for criticism and 约谈; a cancellation the opposite of the
    -- effect it cancels, so that a sum over the rows known at any moment is the adjustment of that moment
    points        NUMERIC(7, 2) NOT NULL,
    cancels       UUID,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    recorded_role VARCHAR(20)   NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    CONSTRAINT assessment_adjustment_pk PRIMARY KEY (id),
    CONSTRAINT assessment_adjustment_unit_kind_ck CHECK (unit_kind IN ('township', 'department')),
    CONSTRAINT assessment_adjustment_kind_ck CHECK (kind IN ('PRAISE', 'CRITICISM', 'INTERVIEW_DEDUCTION')),
    CONSTRAINT assessment_adjustment_cancels_fk FOREIGN KEY (cancels) REFERENCES assessment_adjustment (id),
    -- an adjustment is cancelled at most once
    CONSTRAINT assessment_adjustment_cancels_uk UNIQUE (cancels)
);
CREATE INDEX assessment_adjustment_year_idx ON assessment_adjustment (year, recorded_at);

-- Never edited, never deleted, whoever holds a connection: the audit trail of a year-end ranking that decides money.
CREATE FUNCTION assessment_adjustment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'assessment_adjustment rows are never changed or deleted; record a cancelling adjustment';
END
$$;
CREATE TRIGGER assessment_adjustment_append_only BEFORE UPDATE OR DELETE ON assessment_adjustment
    FOR EACH ROW EXECUTE FUNCTION assessment_adjustment_append_only();
