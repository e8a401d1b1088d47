-- Query side, "targets": the 市招商服务中心 reports leads of its own (unit "center", #20) and may hold its own 项目信息
-- target beside the townships' and departments'.
ALTER TABLE target DROP CONSTRAINT target_unit_kind_ck;
ALTER TABLE target ADD CONSTRAINT target_unit_kind_ck
    CHECK (unit_kind IN ('township', 'chain', 'department', 'center', 'county'));
