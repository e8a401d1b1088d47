-- Query side, "targets": the 项目信息 targets (#20) live in the target table beside the others. Their indicator key
-- names the period and the source ("leadInfo.year", "leadInfo.Q1.BUSINESS_REFERRAL"; LeadInfoKey reads them); a
-- target of the county as a whole has unit_kind 'county' (unit_code 'county'). Their first change carries the seed
-- line they come from, which the funnel and the targets page show as the target's basis until a supervisor's reason
-- replaces it. They are dated the year's first moment: the plan they come from sets them for the whole of 2024, so a
-- reading of 2024 as it stood at any of its days (knownAt) has them, and any later change is newer.
ALTER TABLE target DROP CONSTRAINT target_unit_kind_ck;
ALTER TABLE target ADD CONSTRAINT target_unit_kind_ck
    CHECK (unit_kind IN ('township', 'chain', 'department', 'county'));

INSERT INTO target (year, unit_kind, unit_code, indicator, value) VALUES
    (2024, 'county', 'county', 'leadInfo.year', 600),
    (2024, 'county', 'county', 'leadInfo.year.BUSINESS_REFERRAL', 200),
    (2024, 'county', 'county', 'leadInfo.Q1.BUSINESS_REFERRAL', 60)
ON CONFLICT DO NOTHING;

INSERT INTO target_change (year, unit_kind, unit_code, indicator, old_value, new_value, changed_at, changed_by,
                           changed_role, reason) VALUES
    (2024, 'county', 'county', 'leadInfo.year', NULL, 600, TIMESTAMPTZ '2024-01-01 00:00:00+08', 'seed', 'SYSTEM',
     '种子文件 000 第 58 行：全年各责任单位招商专班收集引荐项目信息不少于600条'),
    (2024, 'county', 'county', 'leadInfo.year.BUSINESS_REFERRAL', NULL, 200, TIMESTAMPTZ '2024-01-01 00:00:00+08', 'seed', 'SYSTEM',
     '种子文件 000 第 50 行：力争全年以商招商项目信息储备不少于 200 条'),
    (2024, 'county', 'county', 'leadInfo.Q1.BUSINESS_REFERRAL', NULL, 60, TIMESTAMPTZ '2024-01-01 00:00:00+08', 'seed', 'SYSTEM',
     '种子文件 000 第 363 行（一季度“开门红”）：深化以商招商，掌握配套项目信息不少于 60 条');
