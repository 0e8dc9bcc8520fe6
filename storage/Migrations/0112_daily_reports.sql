-- 每日日报: each morning a region's yesterday in a few lines (entries against the week before, stores to look at, what
-- is left to put right) goes to the region's group robot, the chain's to head office's. A report belongs to a region
-- (or to the chain: region '') and no store, and is written once a day by whichever web host gets there first.
ALTER TABLE alert_events ALTER COLUMN store_code DROP NOT NULL;
ALTER TABLE alert_events ADD COLUMN report text;
CREATE TABLE daily_reports (
    day          date         PRIMARY KEY,           -- the day reported on (head office's calendar)
    written_utc  timestamptz  NOT NULL DEFAULT now()
);
