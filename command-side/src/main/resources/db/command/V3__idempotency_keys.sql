-- Command side: the first answer to each Idempotency-Key, per user, so that a retried request writes nothing new.
CREATE TABLE idempotency_key (
    username       VARCHAR(100)  NOT NULL,
    key            VARCHAR(200)  NOT NULL,
    request_hash   VARCHAR(64)   NOT NULL,
    response_status INTEGER,
    response_body  TEXT,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_key_pk PRIMARY KEY (username, key)
);
