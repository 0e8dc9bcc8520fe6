-- The reference view of each fixed camera (entrance, in-store): the health check of every snapshot compares against
-- it (blocked, moved, too dark …). The signature is a 160x120 thumbnail and a sharpness figure, kept here because the
-- snapshot it came from is deleted with the others after the retention period.
CREATE TABLE camera_views (
    camera_code  varchar(40) PRIMARY KEY REFERENCES cameras(code) ON DELETE CASCADE ON UPDATE CASCADE,
    snapshot_id  bigint      NOT NULL,
    signature    bytea       NOT NULL,
    taken_at     timestamptz NOT NULL DEFAULT now()
);
