-- Query side, "targets": the 项目信息 targets (#20) live in the target table beside the others. Their indicator key
-- names the period and the source ("leadInfo.year", "leadInfo.Q1.BUSINESS_REFERRAL"; LeadInfoKey reads them); a
-- target of the county as a whole has unit_kind 'county' (unit_code 'county'). The seeds' targets are loaded at start
-- from reference/lead-info-targets-daye-2024.csv, as the other shipped targets are (TargetLoader), never here: a
-- backup restores only into tables a fresh database leaves empty.
ALTER TABLE target DROP CONSTRAINT target_unit_kind_ck;
ALTER TABLE target ADD CONSTRAINT target_unit_kind_ck
    CHECK (unit_kind IN ('township', 'chain', 'department', 'county'));
