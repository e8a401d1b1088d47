-- 外向型市场主体 (#17): 附件1 sets a target per township, and a registration now says whether the company trades
-- across the border (CompanyRegistered revision 2). Null where the registration was recorded before the question.
-- The statistics count it from project_version_current_stats_idx alone, so the index carries it too.
ALTER TABLE project_version ADD COLUMN export_oriented BOOLEAN;

DROP INDEX project_version_current_stats_idx;
CREATE INDEX project_version_current_stats_idx ON project_version
    ((greatest(signed_on, registered_on, stored_on, started_on)))
    INCLUDE (township, industry_chain, introduced_by, signed_on, registered_on, stored_on, started_on, start_kind,
             source_region, production_on, contract_amount_wan, planned_investment_wan, industrial, foreign_invested,
             export_oriented)
    WHERE recorded_to IS NULL AND NOT voided;
