-- 请门店说明: a 收银追溯 finding handed to its store as a to-do — the store answers in the to-do's note, with its deadline,
-- overdue alert and acceptance — so the to-do names the finding (its day and subject) it asks about.
ALTER TABLE store_todos ADD COLUMN till_day date, ADD COLUMN till_subject varchar(120),
    ADD CONSTRAINT store_todos_till_lead CHECK ((till_day IS NULL) = (till_subject IS NULL));
CREATE INDEX store_todos_till ON store_todos(store_code, till_day) WHERE till_day IS NOT NULL;
