-- 设备运维: each time a camera went offline or its view had a fault (blocked, moved, too dark …), from when to when, so
-- head office sees which cameras keep failing and how long a store was blind — not only the state of the moment.
CREATE TABLE camera_incidents (
    id           bigserial    PRIMARY KEY,
    camera_code  varchar(40)  NOT NULL REFERENCES cameras(code) ON DELETE CASCADE,
    kind         varchar(20)  NOT NULL,
    started_utc  timestamptz  NOT NULL,
    ended_utc    timestamptz,
    CHECK (ended_utc IS NULL OR ended_utc >= started_utc)
);
-- One open incident of a kind per camera: raising it again (a retried grain call) changes nothing.
CREATE UNIQUE INDEX camera_incidents_open ON camera_incidents(camera_code, kind) WHERE ended_utc IS NULL;
CREATE INDEX camera_incidents_camera_time ON camera_incidents(camera_code, started_utc DESC);
