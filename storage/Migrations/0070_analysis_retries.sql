-- A snapshot whose analysis failed for a reason that may pass (a grain call timed out, the database blinked) is
-- tried again after a pause, a few times, before it is marked failed for good.
ALTER TABLE snapshots ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN retry_after timestamptz;
