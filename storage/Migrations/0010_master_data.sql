-- SmartStore master data (销售管理后台 · 基础设置): regions, stores, cameras, SKUs, dictionary.
-- Every timestamp is UTC timestamptz; "today" and opening hours are store-local (stores.time_zone).

CREATE TABLE regions (
    code        varchar(32)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    name_en     varchar(100) NOT NULL DEFAULT '',
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE stores (
    code           varchar(32)  PRIMARY KEY,
    name           varchar(100) NOT NULL,
    region_code    varchar(32)  NOT NULL REFERENCES regions(code),
    city           varchar(60)  NOT NULL,
    address        varchar(200) NOT NULL DEFAULT '',
    latitude       double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude      double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    tags           text[]       NOT NULL DEFAULT '{}',
    opening_hours  jsonb        NOT NULL,
    time_zone      varchar(64)  NOT NULL DEFAULT 'Asia/Shanghai',
    staff_count    integer      NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX stores_region ON stores(region_code);

-- Cameras exist on their own (bought, configured) and are bound to at most one store.
CREATE TABLE cameras (
    code                   varchar(40)  PRIMARY KEY,
    kind                   varchar(16)  NOT NULL CHECK (kind IN ('entrance', 'shelf')),
    brand                  varchar(60)  NOT NULL DEFAULT '',
    model                  varchar(60)  NOT NULL DEFAULT '',
    store_code             varchar(32)  REFERENCES stores(code),
    secret_hash            text         NOT NULL,
    patrol_cadence_minutes integer      NOT NULL DEFAULT 10 CHECK (patrol_cadence_minutes BETWEEN 1 AND 1440),
    presets                jsonb        NOT NULL DEFAULT '[]',
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX cameras_store ON cameras(store_code);

CREATE TABLE skus (
    code           varchar(40)  PRIMARY KEY,
    name           varchar(120) NOT NULL,
    brand          varchar(60)  NOT NULL,
    category       varchar(40)  NOT NULL,
    is_competitor  boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE sku_photos (
    id          bigserial    PRIMARY KEY,
    sku_code    varchar(40)  NOT NULL REFERENCES skus(code) ON DELETE CASCADE,
    sha256      char(64)     NOT NULL,
    content     bytea        NOT NULL,
    width       integer      NOT NULL,
    height      integer      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (sku_code, sha256)
);

-- Data dictionary: the vocabularies users pick from (store tags, SKU categories).
CREATE TABLE dictionary_entries (
    kind        varchar(32)  NOT NULL,
    code        varchar(40)  NOT NULL,
    label       varchar(60)  NOT NULL,
    label_en    varchar(60)  NOT NULL,
    sort_order  integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, code)
);

-- Which ONNX model each camera kind runs (names resolved by the vision ModelStore).
CREATE TABLE recognition_models (
    camera_kind  varchar(16)  PRIMARY KEY CHECK (camera_kind IN ('entrance', 'shelf')),
    model_name   varchar(60)  NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
