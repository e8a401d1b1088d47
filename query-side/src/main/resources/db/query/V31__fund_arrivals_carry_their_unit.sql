-- The fund side of the statistics (SPEC §3) sums a year's arrivals per township or chain. Joining each arrival to
-- its project's current version to learn that unit cost a hash join of 290,000 arrivals with 436,000 versions at
-- national scale; a project's township and chain are fixed when it is signed (no event changes them), so every
-- arrival version carries them, and the year's sums come from one index-only range scan.
ALTER TABLE fund_arrival_version ADD COLUMN township VARCHAR(40), ADD COLUMN industry_chain VARCHAR(40);
UPDATE fund_arrival_version f SET township = p.township, industry_chain = p.industry_chain
    FROM project_version p WHERE p.project_id = f.project_id AND p.recorded_to IS NULL;
ALTER TABLE fund_arrival_version ALTER COLUMN township SET NOT NULL, ALTER COLUMN industry_chain SET NOT NULL;

DROP INDEX fund_arrival_version_current_arrived_idx;
CREATE INDEX fund_arrival_version_current_arrived_idx ON fund_arrival_version (arrived_on)
    INCLUDE (project_id, township, industry_chain, source, amount_wan, amount_usd_wan) WHERE recorded_to IS NULL;

-- Voiding is final (a void project takes no further command), so a project is void at record time T exactly when
-- one of its versions recorded by T is void: the few void projects are found without reading current versions.
CREATE INDEX project_version_voided_idx ON project_version (recorded_from) INCLUDE (project_id) WHERE voided;

-- The join above no longer needs the unit in the current-version index.
DROP INDEX project_version_current_uk;
CREATE UNIQUE INDEX project_version_current_uk ON project_version (project_id) WHERE recorded_to IS NULL;
