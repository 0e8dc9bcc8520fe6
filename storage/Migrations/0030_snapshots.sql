-- The snapshot inbox: every accepted upload (FTP or HTTP), written to disk and fsynced before this
-- row exists, and acknowledged to the camera only after the row is committed. Rejections are kept
-- too, so "why did my camera's pictures not arrive" has an answer.

CREATE TABLE snapshots (
    id            bigserial    PRIMARY KEY,
    camera_code   varchar(40)  NOT NULL REFERENCES cameras(code),
    sha256        char(64)     NOT NULL,
    path          text         NOT NULL,
    bytes         integer      NOT NULL,
    width         integer      NOT NULL,
    height        integer      NOT NULL,
    file_name     varchar(255) NOT NULL,
    captured_at   timestamptz,
    received_at   timestamptz  NOT NULL DEFAULT now(),
    source        varchar(8)   NOT NULL CHECK (source IN ('ftp', 'http')),
    status        varchar(12)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'analysed', 'failed')),
    UNIQUE (camera_code, sha256)
);
CREATE INDEX snapshots_pending ON snapshots(id) WHERE status = 'pending';
CREATE INDEX snapshots_camera_time ON snapshots(camera_code, received_at DESC);

CREATE TABLE ingest_rejections (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL DEFAULT now(),
    camera_code     varchar(40),
    remote_address  varchar(64)  NOT NULL,
    source          varchar(8)   NOT NULL,
    reason          varchar(32)  NOT NULL,
    detail          text         NOT NULL
);
CREATE INDEX ingest_rejections_at ON ingest_rejections(at DESC);
