-- 定时抓拍 (seed 001: "门口叫卖检查-10点 … 每周日,一,…,10:00执行"): inspection tasks that take a picture from each store's
-- camera of a kind at a store-local time on chosen weekdays, the pictures as captured for review by the region
-- manager, and the to-dos (待办) raised for a store from a picture, until its staff mark them done.
CREATE TABLE inspection_tasks (
    id           bigserial    PRIMARY KEY,
    name         varchar(60)  NOT NULL,
    at_local     time         NOT NULL,
    -- Bit 0 = Monday … bit 6 = Sunday.
    weekdays     smallint     NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
    camera_kind  varchar(16)  NOT NULL CHECK (camera_kind IN ('entrance', 'shelf', 'interior')),
    -- Which stores: a region's (null: every region) carrying a tag (null: any).
    region_code  varchar(32)  REFERENCES regions(code) ON DELETE CASCADE,
    store_tag    varchar(40),
    active       boolean      NOT NULL DEFAULT true,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- One picture per task, camera and store-local day: waiting for the camera's first upload after the due time, then
-- captured (to review), missed (no upload in the capture window), passed, or todo (a to-do was raised from it).
CREATE TABLE inspection_captures (
    id            bigserial    PRIMARY KEY,
    task_id       bigint       NOT NULL REFERENCES inspection_tasks(id) ON DELETE CASCADE,
    store_code    varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    camera_code   varchar(40)  NOT NULL REFERENCES cameras(code) ON DELETE CASCADE ON UPDATE CASCADE,
    day_local     date         NOT NULL,
    due_utc       timestamptz  NOT NULL,
    snapshot_id   bigint       REFERENCES snapshots(id) ON DELETE SET NULL,
    pictured_utc  timestamptz,
    status        varchar(10)  NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'captured', 'missed', 'passed', 'todo')),
    reviewed_by   varchar(100),
    reviewed_utc  timestamptz,
    UNIQUE (task_id, camera_code, day_local)
);
CREATE INDEX inspection_captures_waiting ON inspection_captures(due_utc) WHERE status = 'waiting';
CREATE INDEX inspection_captures_day ON inspection_captures(day_local DESC, store_code);
CREATE INDEX inspection_captures_snapshot ON inspection_captures(snapshot_id) WHERE snapshot_id IS NOT NULL;

CREATE TABLE store_todos (
    id          bigserial    PRIMARY KEY,
    store_code  varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    capture_id  bigint       REFERENCES inspection_captures(id) ON DELETE SET NULL,
    text        varchar(500) NOT NULL,
    raised_by   varchar(100) NOT NULL,
    raised_utc  timestamptz  NOT NULL DEFAULT now(),
    done_utc    timestamptz,
    done_by     varchar(100),
    done_note   varchar(500)
);
CREATE INDEX store_todos_open ON store_todos(store_code) WHERE done_utc IS NULL;
CREATE INDEX store_todos_raised ON store_todos(raised_utc DESC);
