-- 整改完成待验收: a store marking a to-do done is an event endpoints may want (a region's group hears the store's answer
-- at once and accepts it); the event carries the store's note.
ALTER TABLE alert_events ADD COLUMN note varchar(500);
