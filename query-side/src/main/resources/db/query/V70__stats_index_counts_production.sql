-- Seed 000's 项目建设任务 (#17) count the year's projects in production, of any size: a project signed, started and
-- stored in earlier years that starts producing in this one must not be skipped, so its production date joins the
-- expression that decides whether a project can count in a year (V68 added the start date for the same reason).
DROP INDEX project_version_current_stats_idx;
CREATE INDEX project_version_current_stats_idx ON project_version
    ((greatest(signed_on, registered_on, stored_on, started_on, production_on)))
    INCLUDE (township, industry_chain, introduced_by, signed_on, registered_on, stored_on, started_on, start_kind,
             source_region, production_on, contract_amount_wan, planned_investment_wan, industrial, foreign_invested,
             export_oriented)
    WHERE recorded_to IS NULL AND NOT voided;
