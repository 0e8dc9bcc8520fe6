-- 操作日志 searched by who did it and by what it was done to, newest first, as the log grows over the years. The key's
-- pattern operators let a key find the keys under it too (a camera's code, its presets' "CAM-…/P2").
CREATE INDEX audit_log_actor ON audit_log(actor, id DESC);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_key text_pattern_ops, id DESC);
