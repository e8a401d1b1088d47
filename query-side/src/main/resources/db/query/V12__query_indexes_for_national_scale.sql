-- Alerts (SPEC §5) are the current, non-void projects neither started nor terminated by asOf and signed at least
-- five months before it: a few thousand of a national set of 400,000 projects. Without this index PostgreSQL reads
-- every current version and throws almost all of them away. An absent date indexes as 'infinity', so "not
-- terminated and not started by asOf" are ranges of the index; signed_on narrows it further.
CREATE INDEX project_version_unstarted_idx ON project_version
    ((coalesce(terminated_on, 'infinity'::date)), (coalesce(started_on, 'infinity'::date)), signed_on)
    WHERE recorded_to IS NULL AND NOT voided;

-- Statistics for a year (SPEC §3) count a project only if it was signed, registered or stored in that year, so the
-- projects whose latest of those dates lies before the year can be skipped; the INCLUDE columns are all the
-- statistics read, so PostgreSQL answers from the index alone (an index-only scan: current versions are spread
-- over a table holding every version, and reading them from the heap dominated the query at national scale).
CREATE INDEX project_version_current_stats_idx ON project_version ((greatest(signed_on, registered_on, stored_on)))
    INCLUDE (township, industry_chain, signed_on, registered_on, stored_on, started_on, production_on,
             contract_amount_wan, planned_investment_wan, industrial, foreign_invested)
    WHERE recorded_to IS NULL AND NOT voided;

-- The fund side of the statistics joins a year's arrivals to their projects' unit: both from indexes alone.
DROP INDEX project_version_current_uk;
CREATE UNIQUE INDEX project_version_current_uk ON project_version (project_id) INCLUDE (township, industry_chain, voided)
    WHERE recorded_to IS NULL;
DROP INDEX fund_arrival_version_current_arrived_idx;
CREATE INDEX fund_arrival_version_current_arrived_idx ON fund_arrival_version (arrived_on)
    INCLUDE (project_id, source, amount_wan, amount_usd_wan) WHERE recorded_to IS NULL;
