-- Query side, luodi.bulletin.verified-only (#19 实证): a city may count in its bulletin only the milestones a
-- supervisor has found 已核实. A milestone counts when its latest finding recorded by known_at (NULL: now) in
-- milestone_verification (V111) is VERIFIED; 存疑, no finding, or a finding ended by a retraction do not count.
CREATE FUNCTION milestone_verified(p_project VARCHAR, p_milestone VARCHAR, known_at TIMESTAMPTZ) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT m.verdict = 'VERIFIED' FROM milestone_verification m
                     WHERE m.project_id = p_project AND m.milestone = p_milestone
                       AND (known_at IS NULL OR m.recorded_at <= known_at)
                     ORDER BY m.recorded_at DESC, m.sequence_number DESC LIMIT 1), false)
$$;

-- A project version with the dates of its unverified milestones taken out (注册, 开工, 入库, 投产): counted as if not
-- reached. 签约 stays, being what puts the project in the statistics at all; 到位资金 are amounts, not a milestone
-- count, and stay too.
CREATE FUNCTION verified_milestones_only(v project_version, known_at TIMESTAMPTZ) RETURNS project_version
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF v.registered_on IS NOT NULL AND NOT milestone_verified(v.project_id, 'REGISTRATION', known_at) THEN
        v.registered_on := NULL;
    END IF;
    IF v.started_on IS NOT NULL AND NOT milestone_verified(v.project_id, 'START', known_at) THEN
        v.started_on := NULL;
    END IF;
    IF v.stored_on IS NOT NULL AND NOT milestone_verified(v.project_id, 'STORAGE', known_at) THEN
        v.stored_on := NULL;
    END IF;
    IF v.production_on IS NOT NULL AND NOT milestone_verified(v.project_id, 'PRODUCTION', known_at) THEN
        v.production_on := NULL;
    END IF;
    RETURN v;
END
$$;
