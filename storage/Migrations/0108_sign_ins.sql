-- 日志管理 (seed 000's 系统后台): every sign-in tried on the web — who, when, from where, on what, and how it went — so
-- head office sees an account used from a new place, or someone trying passwords, not only the last sign-in.
CREATE TABLE sign_ins (
    id          bigserial    PRIMARY KEY,
    username    varchar(100) NOT NULL,
    at_utc      timestamptz  NOT NULL DEFAULT now(),
    address     varchar(64)  NOT NULL,
    user_agent  varchar(300) NOT NULL,
    outcome     varchar(20)  NOT NULL CHECK (outcome IN ('ok', 'failed', 'locked-out', 'disabled'))
);
CREATE INDEX sign_ins_at ON sign_ins(at_utc DESC);
CREATE INDEX sign_ins_user ON sign_ins(lower(username), at_utc DESC);
