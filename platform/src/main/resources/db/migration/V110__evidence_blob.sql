-- Platform, "evidence" (#19, 实证): the bytes of the files attached as proof, when luodi.evidence.store is
-- "postgres" (the default: nothing to install beside the embedded database). One row per distinct content, keyed by
-- its SHA-256 (lower-case hex) as the events EvidenceAttached / TicketEvidenceAttached record it, so the same photo
-- attached twice is kept once. Written by the command side after an upload, read by the query side to serve a
-- file; rows are only added (what an event names must stay readable).
CREATE TABLE evidence_blob (
    sha256      CHAR(64)     NOT NULL,
    size        BIGINT       NOT NULL,
    content     BYTEA        NOT NULL,
    stored_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT evidence_blob_pk PRIMARY KEY (sha256),
    CONSTRAINT evidence_blob_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT evidence_blob_size_ck CHECK (size = octet_length(content))
);
