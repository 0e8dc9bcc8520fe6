-- Shelf display (陈列): a planogram per PTZ preset (reference image + slots with planned SKUs), the preset a
-- shelf snapshot showed, and each store's shelf figures per store-local day for trends.

CREATE TABLE planograms (
    camera_code      varchar(40)  NOT NULL REFERENCES cameras(code) ON DELETE CASCADE,
    preset           integer      NOT NULL CHECK (preset BETWEEN 1 AND 999),
    -- A copy of the reference photo: retention may delete the snapshot it was taken from.
    reference_jpeg   bytea        NOT NULL,
    reference_width  integer      NOT NULL,
    reference_height integer      NOT NULL,
    slots            jsonb        NOT NULL,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (camera_code, preset)
);

ALTER TABLE snapshots ADD COLUMN preset integer;

CREATE TABLE shelf_daily (
    store_code          varchar(32)      NOT NULL REFERENCES stores(code),
    day                 date             NOT NULL,
    planned_slots       integer          NOT NULL,
    observed_slots      integer          NOT NULL,
    observed_planned    integer          NOT NULL,
    matching_slots      integer          NOT NULL,
    compliance          double precision,
    own_facings         integer          NOT NULL,
    competitor_facings  integer          NOT NULL,
    out_of_stock        integer          NOT NULL,
    facings             jsonb            NOT NULL,
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, day)
);
