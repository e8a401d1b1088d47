-- 包保 (#19): the city leader who 包保 the project (a code of reference/leaders-daye.csv) and the 服务专班 serving it,
-- as of each version; the leader's page reads the current versions by leader.
ALTER TABLE project_version ADD COLUMN leader varchar(32), ADD COLUMN service_team varchar(100);
CREATE INDEX project_version_current_leader ON project_version (leader) WHERE recorded_to IS NULL AND leader IS NOT NULL;
