-- Platform, "workdays": the supervisors' changes to the working-day calendar (法定节假日 and 调休 make-up days)
-- laid over the schedules Luodi ships (shared-events reference/working-days-cn.csv): a year the State Council
-- publishes after a release, or a local change. Both sides read it: the command side counts tickets' deadlines on
-- it, the query side shows it and takes the changes. Rows are only added: a mistake is put right by a later row of
-- the same day, and the latest row of a day is the day's entry.
CREATE TABLE working_day_change (
    id            BIGSERIAL     NOT NULL,
    day           DATE          NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    name          VARCHAR(50),
    recorded_at   TIMESTAMPTZ   NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    CONSTRAINT working_day_change_pk PRIMARY KEY (id),
    CONSTRAINT working_day_change_kind_ck CHECK (kind IN ('HOLIDAY', 'WORKDAY', 'WEEKDAY_RULE'))
);

CREATE FUNCTION working_day_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'working_day_change rows are never changed or deleted; record a later change of the day';
END
$$;
CREATE TRIGGER working_day_change_append_only BEFORE UPDATE OR DELETE ON working_day_change
    FOR EACH ROW EXECUTE FUNCTION working_day_change_append_only();
