-- 消息推送 by email: an endpoint may be a list of mail addresses (mailto:a@x.cn,b@y.cn) as well as a web address; its
-- events go through the same deliveries, retries and give-ups, sent over the chain's own mail server.
ALTER TABLE webhooks DROP CONSTRAINT webhooks_format_check;
ALTER TABLE webhooks ADD CONSTRAINT webhooks_format_check CHECK (format IN ('json', 'text', 'email'));
