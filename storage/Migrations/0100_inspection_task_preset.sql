-- 定时抓拍 of one shelf: a task for shelf domes may name a preset; the picture is then the dome's first upload at that
-- preset after the time, not whatever shelf its patrol happens to face.
ALTER TABLE inspection_tasks ADD COLUMN preset smallint;
ALTER TABLE inspection_tasks ADD CONSTRAINT inspection_tasks_preset_check
    CHECK (preset IS NULL OR preset BETWEEN 1 AND 255 AND camera_kind = 'shelf');
