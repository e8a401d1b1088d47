-- Alerts (SPEC §5) are the current, non-void projects not started by asOf: a few percent of a national set of
-- 400,000 projects. Without this index PostgreSQL reads every current version and throws almost all of them away.
-- An unstarted project indexes as 'infinity', so "not started by asOf" is one range scan: coalesce(...) > asOf.
CREATE INDEX project_version_unstarted_idx ON project_version ((coalesce(started_on, 'infinity'::date)))
    WHERE recorded_to IS NULL AND NOT voided;
