-- Query side, "targets": what each township (乡镇) and each industry chain (产业链) is to reach in a year, one row per
-- SPEC §3 indicator. The files shipped in reference/ fill rows that are absent; a supervisor's change is never
-- overwritten by them. A null value is a target a supervisor removed: the row stays so that the file does not
-- bring the old value back at the next start.
CREATE TABLE target (
    year      INTEGER        NOT NULL,
    unit_kind VARCHAR(10)    NOT NULL,
    unit_code VARCHAR(40)    NOT NULL,
    indicator VARCHAR(60)    NOT NULL,
    value     NUMERIC(20, 6),
    CONSTRAINT target_pk PRIMARY KEY (year, unit_kind, unit_code, indicator),
    CONSTRAINT target_unit_kind_ck CHECK (unit_kind IN ('township', 'chain')),
    CONSTRAINT target_value_ck CHECK (value IS NULL OR value >= 0)
);

-- Every change of a target: who, when and why, with the value before and after. Read by the change list and by
-- time travel (a bulletin reproduced with knownAt uses the targets as they stood at that instant).
CREATE TABLE target_change (
    id           BIGSERIAL      NOT NULL,
    year         INTEGER        NOT NULL,
    unit_kind    VARCHAR(10)    NOT NULL,
    unit_code    VARCHAR(40)    NOT NULL,
    indicator    VARCHAR(60)    NOT NULL,
    old_value    NUMERIC(20, 6),
    new_value    NUMERIC(20, 6),
    changed_at   TIMESTAMPTZ    NOT NULL,
    changed_by   VARCHAR(100)   NOT NULL,
    changed_role VARCHAR(20)    NOT NULL,
    reason       VARCHAR(500)   NOT NULL,
    CONSTRAINT target_change_pk PRIMARY KEY (id)
);
CREATE INDEX target_change_target_idx ON target_change (year, unit_kind, unit_code, indicator, changed_at);
CREATE INDEX target_change_year_idx ON target_change (year, changed_at);
