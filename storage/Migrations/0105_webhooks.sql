-- 消息推送: what head office wants told at once — a camera offline or back, a view fault raised or cleared, a store
-- looking closed or open again — sent to the chain's own systems or a WeCom / DingTalk group robot. Events are written
-- in the same statement as the state they report, with one delivery row per subscribed endpoint, so a web host that
-- dies mid-send loses nothing and two web hosts never send one event twice.
CREATE TABLE webhooks (
    id            serial       PRIMARY KEY,
    name          varchar(100) NOT NULL,
    url           text         NOT NULL,
    format        varchar(10)  NOT NULL CHECK (format IN ('json', 'text')),
    secret        varchar(80)  NOT NULL,           -- signs each JSON body (HMAC-SHA256); the receiver holds the same
    region_code   varchar(32)  REFERENCES regions(code) ON DELETE CASCADE,  -- null: the whole chain
    kinds         text[]       NOT NULL,
    created_by    varchar(100) NOT NULL,
    created_utc   timestamptz  NOT NULL DEFAULT now(),
    removed_utc   timestamptz
);

CREATE TABLE alert_events (
    id            bigserial    PRIMARY KEY,
    kind          varchar(30)  NOT NULL,
    store_code    varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE,
    region_code   varchar(32)  NOT NULL,
    camera_code   varchar(40),
    detail        varchar(40),                     -- a view fault's code
    occurred_utc  timestamptz  NOT NULL,
    created_utc   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    webhook_id        int          NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_id          bigint       NOT NULL REFERENCES alert_events(id) ON DELETE CASCADE,
    attempts          int          NOT NULL DEFAULT 0,
    next_attempt_utc  timestamptz  NOT NULL DEFAULT now(),
    delivered_utc     timestamptz,
    gave_up_utc       timestamptz,
    last_status       int,
    last_error        text,
    PRIMARY KEY (webhook_id, event_id)
);
-- The sender's question, asked every poll: what is due and not finished.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_utc) WHERE delivered_utc IS NULL AND gave_up_utc IS NULL;
