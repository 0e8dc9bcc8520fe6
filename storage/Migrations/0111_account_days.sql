-- 系统使用情况 (seed 001's 企业活跃度分析): who uses SmartStore, how often and on what, per account and head-office day —
-- so head office sees a rollout reach the stores (店长至总部) and the accounts nobody uses. Each web host counts page
-- views in memory and adds them every 15 seconds: a page view costs no write of its own.
CREATE TABLE account_days (
    username     varchar(100) NOT NULL,
    day          date         NOT NULL,
    views        int          NOT NULL DEFAULT 0,
    phone_views  int          NOT NULL DEFAULT 0,
    last_utc     timestamptz  NOT NULL,
    PRIMARY KEY (username, day)
);
CREATE INDEX account_days_day ON account_days(day);
