-- 整改闭环: a to-do has a deadline (the end of a store-local day); once the store says it is put right, the reviewer
-- checks it (验收) or sends it back with a reason (驳回), and the store works it again. Each sent-back round is kept
-- with its note and photo, so nothing the store showed is lost.
ALTER TABLE store_todos ADD COLUMN due_utc timestamptz;
ALTER TABLE store_todos ADD COLUMN accepted_utc timestamptz;
ALTER TABLE store_todos ADD COLUMN accepted_by varchar(100);
-- Whether the deadline passing was told (webhooks, live pages), so each open deadline is told once.
ALTER TABLE store_todos ADD COLUMN overdue_told boolean NOT NULL DEFAULT false;
-- To-dos closed before review existed were closed for good: they stand accepted as they were marked done.
UPDATE store_todos SET accepted_utc = done_utc, accepted_by = done_by WHERE done_utc IS NOT NULL;
CREATE INDEX store_todos_due ON store_todos(due_utc) WHERE done_utc IS NULL AND NOT overdue_told;
CREATE INDEX store_todos_awaiting ON store_todos(store_code) WHERE done_utc IS NOT NULL AND accepted_utc IS NULL;

CREATE TABLE store_todo_rejections (
    id            bigserial    PRIMARY KEY,
    todo_id       bigint       NOT NULL REFERENCES store_todos(id) ON DELETE CASCADE,
    done_utc      timestamptz  NOT NULL,
    done_by       varchar(100) NOT NULL,
    done_note     varchar(500),
    done_photo    bytea,
    rejected_utc  timestamptz  NOT NULL DEFAULT now(),
    rejected_by   varchar(100) NOT NULL,
    reason        varchar(500) NOT NULL
);
CREATE INDEX store_todo_rejections_todo ON store_todo_rejections(todo_id, id);

-- An overdue to-do's text, as it read when the deadline passed.
ALTER TABLE alert_events ADD COLUMN text varchar(500);
