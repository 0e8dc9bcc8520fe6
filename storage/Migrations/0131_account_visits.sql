-- 系统使用情况's 访问次数 and 平均停留时长 (seed 001's 企业活跃度分析): per account and day, the visits begun (a run of pages
-- with no gap over 30 minutes) and the seconds between their pages. Days counted before this have none (0).
ALTER TABLE account_days ADD COLUMN visits int NOT NULL DEFAULT 0;
ALTER TABLE account_days ADD COLUMN active_seconds int NOT NULL DEFAULT 0;
