-- The statistics count the period's signings per project type and investor category (#17): the stats index, which
-- answers them without reading project_version's heap, carries the two lists (empty for most projects).
DROP INDEX project_version_current_stats_idx;
CREATE INDEX project_version_current_stats_idx ON project_version
    ((greatest(signed_on, registered_on, stored_on, started_on, production_on)))
    INCLUDE (township, industry_chain, introduced_by, signed_on, registered_on, stored_on, started_on, start_kind,
             source_region, production_on, contract_amount_wan, planned_investment_wan, industrial, foreign_invested,
             export_oriented, types, investor_categories)
    WHERE recorded_to IS NULL AND NOT voided;
