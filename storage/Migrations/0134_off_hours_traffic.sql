-- People who came in while the store was closed by its hours (staff before opening, cleaners, deliveries) and those who
-- passed its shut door: kept apart from entries and passers-by, so they neither count as customers nor dilute the
-- entry rate, and still shown (many of them say the store's hours are wrong). Hours written before this stay as counted.
ALTER TABLE traffic_hourly ADD COLUMN off_hours_entries integer NOT NULL DEFAULT 0;
ALTER TABLE traffic_hourly ADD COLUMN off_hours_passers_by integer NOT NULL DEFAULT 0;
