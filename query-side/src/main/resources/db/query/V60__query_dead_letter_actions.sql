-- Query side: what administrators did with parked events (dead_letter_entry, V2), who, why and when. Kept after the
-- letter itself is gone, so that an evicted event (one a read model will never hold) stays accounted for.
CREATE TABLE dead_letter_action (
    id                  BIGSERIAL     NOT NULL,
    acted_at            TIMESTAMPTZ   NOT NULL,
    actor               VARCHAR(100)  NOT NULL,
    action              VARCHAR(10)   NOT NULL,  -- RETRY, EVICT, CLEAR (a rebuild dropped the group's letters)
    processing_group    VARCHAR(255)  NOT NULL,
    sequence_identifier VARCHAR(255),            -- the project
    event_identifier    VARCHAR(255),
    global_index        BIGINT,
    reason              VARCHAR(500)  NOT NULL,
    outcome             VARCHAR(1023) NOT NULL,  -- e.g. 已处理 2 条 / 仍失败: the error
    CONSTRAINT dead_letter_action_pk PRIMARY KEY (id)
);
CREATE INDEX dead_letter_action_at_idx ON dead_letter_action (acted_at);
