-- 引荐单位 as credit (#16): introduced_by now holds a department's code (reference/departments-daye.csv);
-- introduced_by_text keeps what an old signing said in free text that names no department (credited to nobody).
-- The read model is rebuilt from the events on a fresh database; on an existing one the old free text stays in
-- introduced_by until an admin rebuilds project-versions (docs/contract.md says so).
ALTER TABLE project_version ADD COLUMN introduced_by_text varchar(200);
CREATE INDEX project_version_current_credit_idx ON project_version (introduced_by)
    WHERE recorded_to IS NULL AND introduced_by IS NOT NULL;
