-- The department statistics (#16) summed a year's arrivals per department by joining each arrival to its project's
-- version at knownAt, since credit can be corrected after signing: on the national set 6.6 times the townships' time.
-- Arrival rows now carry the credit (introduced_by) as they carry the township and chain (V31), and an event that
-- credits a project anew gives each of its current arrivals a new version (ProjectVersionWriter), so the sums per
-- department read the arrivals alone, at any knownAt.
ALTER TABLE fund_arrival_version ADD COLUMN introduced_by VARCHAR(100);
-- Each existing arrival version takes the credit of its project's version current when it was recorded. An arrival
-- version that outlived a credit correction keeps the credit it started with until project-versions is rebuilt.
UPDATE fund_arrival_version f SET introduced_by = p.introduced_by
    FROM project_version p
    WHERE p.project_id = f.project_id AND p.recorded_from <= f.recorded_from
      AND (p.recorded_to IS NULL OR p.recorded_to > f.recorded_from);

DROP INDEX fund_arrival_version_current_arrived_idx;
CREATE INDEX fund_arrival_version_current_arrived_idx ON fund_arrival_version (arrived_on)
    INCLUDE (project_id, township, industry_chain, introduced_by, source, amount_wan, amount_usd_wan)
    WHERE recorded_to IS NULL;
