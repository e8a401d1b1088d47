-- Command side, "lead": the investors of the leads recorded so far, for 首报确认制 (#20): a lead whose investor
-- matches an earlier lead of another unit (same 统一社会信用代码, or the same normalised name and a like project) is
-- recorded with a possible-duplicate flag. Written in the transaction of the command that records the lead.
CREATE TABLE lead_investor (
    lead_id     VARCHAR(36)  NOT NULL,
    unit        VARCHAR(40)  NOT NULL,
    credit_code VARCHAR(18),
    name_key    VARCHAR(200),
    project     VARCHAR(200) NOT NULL,
    recorded_on DATE         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT lead_investor_pk PRIMARY KEY (lead_id)
);
CREATE INDEX lead_investor_credit_code_idx ON lead_investor (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX lead_investor_name_key_idx ON lead_investor (name_key);
