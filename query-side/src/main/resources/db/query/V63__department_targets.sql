-- Departments (附件2) have targets too (#16).
ALTER TABLE target DROP CONSTRAINT target_unit_kind_ck;
ALTER TABLE target ADD CONSTRAINT target_unit_kind_ck CHECK (unit_kind IN ('township', 'chain', 'department'));
