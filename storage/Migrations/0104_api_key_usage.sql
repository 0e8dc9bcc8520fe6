-- 接口管理: how much each integration uses its key and when it last did, so head office sees which keys are alive
-- before revoking one, and notices an integration that stopped calling.
ALTER TABLE api_keys ADD COLUMN calls bigint NOT NULL DEFAULT 0;
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
