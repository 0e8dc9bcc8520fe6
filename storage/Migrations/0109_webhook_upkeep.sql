-- 消息推送 upkeep: removing old events looks up their deliveries by event (and cascades there), and picks events by
-- age; without these both scan whole tables every hour. A planogram's slot ids have no length limit, so neither has
-- an event's.
CREATE INDEX webhook_deliveries_event ON webhook_deliveries(event_id);
CREATE INDEX alert_events_created ON alert_events(created_utc);
ALTER TABLE alert_events ALTER COLUMN slot_id TYPE text;
