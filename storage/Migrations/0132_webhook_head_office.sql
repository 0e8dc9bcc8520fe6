-- 消息推送: an endpoint head office set up (a region's group robot it wants every alert in, say) stays head office's:
-- the region's or store's managers see it and may send it a test, but not remove it. Endpoints set up before this are
-- head office's unless a manager's account set them up.
ALTER TABLE webhooks ADD COLUMN head_office boolean NOT NULL DEFAULT false;
UPDATE webhooks w SET head_office = NOT EXISTS (
    SELECT 1 FROM users u WHERE u.username = w.created_by AND u.role IN ('region_manager', 'store_manager'));
