-- 消息推送 of shelf alerts (compliance low, a slot out of stock for N patrols, a competitor in an own slot): which slot,
-- which SKU, and the alert's figure (matching / planned slots, patrols empty, or the SKU planned there).
ALTER TABLE alert_events ADD COLUMN slot_id varchar(64);
ALTER TABLE alert_events ADD COLUMN sku varchar(40);
ALTER TABLE alert_events ADD COLUMN figure varchar(100);
