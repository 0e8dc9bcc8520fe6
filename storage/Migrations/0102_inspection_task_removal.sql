-- 定时抓拍 tasks can be removed (one or many at once) and changed. A removed task is no longer listed or run; the
-- pictures it took, their reviews and the to-dos raised from them stay, with the task's name.
ALTER TABLE inspection_tasks ADD COLUMN removed_utc timestamptz;
