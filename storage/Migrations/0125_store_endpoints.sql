-- 消息推送 to one store: a store's own group robot or mailbox gets that store's alerts and its own daily report, not
-- every store's of its region. An endpoint is for the whole chain, a region, or a store.
ALTER TABLE webhooks ADD COLUMN store_code varchar(32) REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE webhooks ADD CONSTRAINT webhooks_one_scope CHECK (store_code IS NULL OR region_code IS NULL);
