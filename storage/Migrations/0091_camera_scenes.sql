-- What each in-store camera's scene self-calibration learned (per frame width): kept so that a restarted silo, or
-- another silo's worker, counts with it from the first frame instead of learning it again at the plain threshold.
CREATE TABLE camera_scenes (
    camera_code  varchar(40) NOT NULL REFERENCES cameras(code) ON DELETE CASCADE ON UPDATE CASCADE,
    frame_width  int         NOT NULL,
    scene        jsonb       NOT NULL,
    learned_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (camera_code, frame_width)
);
