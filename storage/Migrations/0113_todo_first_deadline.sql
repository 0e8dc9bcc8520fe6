-- 按期率 is judged against the deadline a to-do was first given: one sent back gets a new deadline, and meeting that is
-- not meeting the first. Each round sent back keeps the deadline it was done against.
ALTER TABLE store_todos ADD COLUMN first_due_utc timestamptz;
UPDATE store_todos SET first_due_utc = due_utc;
ALTER TABLE store_todo_rejections ADD COLUMN due_utc timestamptz;
