-- The project as the seeds describe it (#17): the 计划总投资 stated at signing (入库 restates it in
-- planned_investment_wan, which the statistics count), the project's types (二次招商, 技改 …) and the investor's
-- categories (世界500强 …), as the enums' names (shared-events ProjectType, InvestorCategory). Projects signed before
-- ProjectSigned revision 3 stated none of them: the defaults say so without a rebuild.
ALTER TABLE project_version ADD COLUMN planned_investment_at_signing_wan NUMERIC(20, 6),
    ADD COLUMN types VARCHAR(40)[] NOT NULL DEFAULT '{}',
    ADD COLUMN investor_categories VARCHAR(40)[] NOT NULL DEFAULT '{}';
