-- The funnel's counts per unit and day (#20: the funnel must answer within its query target on the national data
-- set, where summing over every lead per request does not). Kept by triggers on the leads' read model, so that no
-- writer of it can forget them: each change of a lead that moves a count appends its difference to
-- lead_funnel_delta (append only: the projection's segments never wait on one another's rows), and
-- query.lead.LeadFunnelCounts folds the differences into lead_funnel_day every few seconds. A query sums both.
-- What a lead counts: 项目信息 (and 以商招商) on the day it was recorded, 研判 on the day it was assessed, 在谈 (and the
-- expected amount) on the day of its first talk, all for the unit that reported it.
CREATE TABLE lead_funnel_day (
    unit        VARCHAR(40)    NOT NULL,
    day         DATE           NOT NULL,
    info        INT            NOT NULL,
    biz         INT            NOT NULL,
    assessed    INT            NOT NULL,
    talks       INT            NOT NULL,
    talk_amount NUMERIC(24, 6) NOT NULL,
    CONSTRAINT lead_funnel_day_pk PRIMARY KEY (unit, day)
);

CREATE TABLE lead_funnel_delta (
    id          BIGSERIAL      PRIMARY KEY,
    unit        VARCHAR(40)    NOT NULL,
    day         DATE           NOT NULL,
    info        INT            NOT NULL,
    biz         INT            NOT NULL,
    assessed    INT            NOT NULL,
    talks       INT            NOT NULL,
    talk_amount NUMERIC(24, 6) NOT NULL
);

CREATE FUNCTION lead_funnel_count(l lead, sign INT) RETURNS void AS $$
BEGIN
    INSERT INTO lead_funnel_delta (unit, day, info, biz, assessed, talks, talk_amount)
    VALUES (l.unit, l.recorded_on, sign, CASE WHEN l.source = 'BUSINESS_REFERRAL' THEN sign ELSE 0 END, 0, 0, 0);
    IF l.assessed_on IS NOT NULL THEN
        INSERT INTO lead_funnel_delta (unit, day, info, biz, assessed, talks, talk_amount)
        VALUES (l.unit, l.assessed_on, 0, 0, sign, 0, 0);
    END IF;
    IF l.first_talk_on IS NOT NULL THEN
        INSERT INTO lead_funnel_delta (unit, day, info, biz, assessed, talks, talk_amount)
        VALUES (l.unit, l.first_talk_on, 0, 0, 0, sign, sign * l.expected_amount_wan);
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION lead_funnel_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM lead_funnel_count(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM lead_funnel_count(NEW, 1);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- DELETE, not TRUNCATE: a reset may empty these tables in the same TRUNCATE statement as lead, and a table cannot be
-- truncated again while that statement is using it
CREATE FUNCTION lead_funnel_emptied() RETURNS trigger AS $$
BEGIN
    DELETE FROM lead_funnel_day;
    DELETE FROM lead_funnel_delta;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER lead_funnel_added_or_removed AFTER INSERT OR DELETE ON lead
    FOR EACH ROW EXECUTE FUNCTION lead_funnel_changed();
CREATE TRIGGER lead_funnel_updated AFTER UPDATE ON lead
    FOR EACH ROW WHEN (OLD.unit IS DISTINCT FROM NEW.unit OR OLD.recorded_on IS DISTINCT FROM NEW.recorded_on
        OR OLD.source IS DISTINCT FROM NEW.source OR OLD.assessed_on IS DISTINCT FROM NEW.assessed_on
        OR OLD.first_talk_on IS DISTINCT FROM NEW.first_talk_on
        OR OLD.expected_amount_wan IS DISTINCT FROM NEW.expected_amount_wan)
    EXECUTE FUNCTION lead_funnel_changed();
CREATE TRIGGER lead_funnel_truncated AFTER TRUNCATE ON lead
    FOR EACH STATEMENT EXECUTE FUNCTION lead_funnel_emptied();

-- the leads recorded before this migration
INSERT INTO lead_funnel_delta (unit, day, info, biz, assessed, talks, talk_amount)
SELECT unit, recorded_on, 1, CASE WHEN source = 'BUSINESS_REFERRAL' THEN 1 ELSE 0 END, 0, 0, 0 FROM lead
UNION ALL SELECT unit, assessed_on, 0, 0, 1, 0, 0 FROM lead WHERE assessed_on IS NOT NULL
UNION ALL SELECT unit, first_talk_on, 0, 0, 0, 1, expected_amount_wan FROM lead WHERE first_talk_on IS NOT NULL;

-- the period's signings, read one by one for their median days from 信息 to 签约
CREATE INDEX lead_signed_idx ON lead (closed_on) WHERE stage = 'SIGNED';
