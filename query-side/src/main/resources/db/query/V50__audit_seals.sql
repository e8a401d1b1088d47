-- The seals of the global tamper-evident digest (see docs/audit-digest.md). The query side's sealer appends one row
-- every few seconds covering the next run of global indexes [first_index, last_index] of domain_event_entry, each
-- index either as the hash of its stored row or as "absent" (a gap that can no longer fill). root chains the
-- previous seal's root, the bounds, the times and every covered index's hash, so a digest "LD1-<last_index>-<root>"
-- commits to every event and every seal up to there. entries is only a finding aid (per index: a short hash prefix,
-- the project and its sequence number) so that verify can name the event that differs.
CREATE TABLE audit_seal (
    seal_no         BIGINT      NOT NULL,
    first_index     BIGINT      NOT NULL,
    last_index      BIGINT      NOT NULL,
    event_count     INTEGER     NOT NULL,
    absent_count    INTEGER     NOT NULL,
    latest_event_at TIMESTAMPTZ,
    sealed_at       TIMESTAMPTZ NOT NULL,
    root            BYTEA       NOT NULL,
    entries         BYTEA       NOT NULL,
    CONSTRAINT audit_seal_pk PRIMARY KEY (seal_no),
    CONSTRAINT audit_seal_last_index_uk UNIQUE (last_index),
    CONSTRAINT audit_seal_bounds_ck CHECK (first_index <= last_index)
);
CREATE INDEX audit_seal_sealed_at_idx ON audit_seal (sealed_at);

-- Append-only like the event store: editing a seal needs a superuser who disables this, and verify sees it then.
CREATE FUNCTION audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_seal is append-only';
END;
$$;
CREATE TRIGGER audit_seal_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
