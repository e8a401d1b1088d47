-- The statistics (SPEC §3, #16, #17) read current versions from project_version_current_stats_idx alone (V12). Two
-- things it did not hold: the department a project is credited to (so groupBy=department read every project's row
-- from the heap), the kind of its start and the investor's source region (counted for a share now); and the year's starts are counted now (新开工 and 复工/续建, any size),
-- so a project signed in an earlier year that only started in this one must not be skipped: its start date joins
-- the expression that decides whether a project can count in a year.
DROP INDEX project_version_current_stats_idx;
CREATE INDEX project_version_current_stats_idx ON project_version
    ((greatest(signed_on, registered_on, stored_on, started_on)))
    INCLUDE (township, industry_chain, introduced_by, signed_on, registered_on, stored_on, started_on, start_kind,
             source_region, production_on, contract_amount_wan, planned_investment_wan, industrial, foreign_invested)
    WHERE recorded_to IS NULL AND NOT voided;
