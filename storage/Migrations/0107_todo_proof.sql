-- 整改闭环: a store closing a to-do can show it is put right with a photo taken on the spot (kept scaled to 1,280
-- pixels wide at most, a few hundred KB), which the reviewer sees beside the picture that raised it.
ALTER TABLE store_todos ADD COLUMN done_photo bytea;
