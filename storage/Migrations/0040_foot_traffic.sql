-- Foot traffic: the door line of entrance cameras, in-store cameras for occupancy, the analysis result of
-- every snapshot (boxes and track ids, for the per-image detail), and hourly history per store.

ALTER TABLE cameras ADD COLUMN door_line jsonb;
ALTER TABLE cameras DROP CONSTRAINT cameras_kind_check;
ALTER TABLE cameras ADD CONSTRAINT cameras_kind_check CHECK (kind IN ('entrance', 'shelf', 'interior'));
ALTER TABLE recognition_models DROP CONSTRAINT recognition_models_camera_kind_check;
ALTER TABLE recognition_models ADD CONSTRAINT recognition_models_camera_kind_check CHECK (camera_kind IN ('entrance', 'shelf', 'interior'));

-- 'analysing' marks a snapshot a worker has claimed; a claim older than a few minutes is from a worker
-- that died and goes back to 'pending'.
ALTER TABLE snapshots DROP CONSTRAINT snapshots_status_check;
ALTER TABLE snapshots ADD CONSTRAINT snapshots_status_check CHECK (status IN ('pending', 'analysing', 'analysed', 'failed'));
ALTER TABLE snapshots ADD COLUMN claimed_at timestamptz;
ALTER TABLE snapshots ADD COLUMN analysed_at timestamptz;
ALTER TABLE snapshots ADD COLUMN analysis jsonb;
DROP INDEX snapshots_pending;
CREATE INDEX snapshots_unfinished ON snapshots(id) WHERE status IN ('pending', 'analysing');

-- One row per store and store-local hour, rewritten whole (absolute values) so a repeated write is harmless.
CREATE TABLE traffic_hourly (
    store_code         varchar(32)      NOT NULL REFERENCES stores(code),
    hour_local         timestamp        NOT NULL,
    hour_utc           timestamptz      NOT NULL,
    entries            integer          NOT NULL,
    exits              integer          NOT NULL,
    passers_by         integer          NOT NULL,
    unique_visitors    integer          NOT NULL,
    repeats            integer          NOT NULL,
    staff              integer          NOT NULL,
    occupancy_avg      integer          NOT NULL,
    occupancy_max      integer          NOT NULL,
    occupancy_sum      double precision NOT NULL,
    occupancy_samples  integer          NOT NULL,
    dwell_seconds      double precision NOT NULL,
    dwell_count        integer          NOT NULL,
    dwell_buckets      integer[]        NOT NULL,
    demographics       jsonb            NOT NULL,
    updated_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, hour_local)
);
CREATE INDEX traffic_hourly_utc ON traffic_hourly(hour_utc);

-- Staff enrolled per store with a photo; their appearance embedding is computed when enrolled.
CREATE TABLE store_staff (
    id           bigserial    PRIMARY KEY,
    store_code   varchar(32)  NOT NULL REFERENCES stores(code),
    name         varchar(80)  NOT NULL,
    photo        bytea        NOT NULL,
    appearance   real[]       NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX store_staff_store ON store_staff(store_code);
