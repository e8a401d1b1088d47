-- Query side, "targets": each township's category (一类 / 二类 / 三类乡镇, or 单列考核 like 高新区) for a year, which
-- the year-end ranking is computed within (seed 000 line 108, seed 001 lines 487-513). The seeds do not list the
-- membership: supervisors set it, every change with who and why. A null category is a township a supervisor left
-- uncategorised: the row stays so that the configured defaults do not bring the old value back at the next start.
CREATE TABLE township_category (
    year      INTEGER     NOT NULL,
    township  VARCHAR(40) NOT NULL,
    category  VARCHAR(10),
    CONSTRAINT township_category_pk PRIMARY KEY (year, township),
    CONSTRAINT township_category_ck CHECK (category IS NULL OR category IN ('first', 'second', 'third', 'apart'))
);

-- Every change of a township's category: who, when and why, with the category before and after (null: none). Read
-- by the change list and by time travel (a bulletin reproduced with knownAt ranks within the categories of then).
CREATE TABLE township_category_change (
    id           BIGSERIAL    NOT NULL,
    year         INTEGER      NOT NULL,
    township     VARCHAR(40)  NOT NULL,
    old_category VARCHAR(10),
    new_category VARCHAR(10),
    changed_at   TIMESTAMPTZ  NOT NULL,
    changed_by   VARCHAR(100) NOT NULL,
    changed_role VARCHAR(20)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    CONSTRAINT township_category_change_pk PRIMARY KEY (id)
);
CREATE INDEX township_category_change_idx ON township_category_change (year, township, changed_at);
