-- 消息推送 (#19): the group robots of 企业微信 and 钉钉 a supervisor configures (for one township, or for the whole
-- county when township is null), and every message owed to one of them (an outbox: written in the transaction that
-- decides the message, posted by a worker, retried with backoff). A robot is never deleted, only switched off, so that
-- every delivery keeps naming the robot it went to.
CREATE TABLE notify_robot (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL,
    platform    varchar(16)  NOT NULL CHECK (platform IN ('WECOM', 'DINGTALK')),
    url         varchar(500) NOT NULL,
    secret      varchar(200),
    township    varchar(32),
    active      boolean      NOT NULL DEFAULT true,
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL,
    reason      varchar(500) NOT NULL,
    switched_off_by varchar(100),
    switched_off_at timestamptz,
    switched_off_reason varchar(500)
);

CREATE TABLE notify_delivery (
    id              bigserial PRIMARY KEY,
    robot_id        bigint       NOT NULL REFERENCES notify_robot (id),
    notice_key      varchar(200) NOT NULL,
    kind            varchar(32)  NOT NULL,
    title           varchar(200) NOT NULL,
    text            text         NOT NULL,
    link            varchar(500),
    status          varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    UNIQUE (robot_id, notice_key)
);
CREATE INDEX notify_delivery_due ON notify_delivery (next_attempt_at) WHERE status = 'PENDING';
