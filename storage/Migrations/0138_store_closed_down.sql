-- A store that closes for good (闭店) keeps its record and history — counted hours, receipts, alerts stay on file — and
-- from this store-local date trades no more: its hours are closed every day, its cameras' uploads are refused and it
-- leaves the live board. Null while it trades; clearing it reopens the store.
ALTER TABLE stores ADD COLUMN closed_on date;
