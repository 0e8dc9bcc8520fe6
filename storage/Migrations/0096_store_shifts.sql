-- 排班: a store's weekly staff plan, so traffic per staff member on duty can be judged hour by hour (seed 001: "客流与
-- 店员配比", too many staff / optimal / understaffed). A shift: weekdays, from–to (store-local), how many on duty.
CREATE TABLE store_shifts (
    id          bigserial    PRIMARY KEY,
    store_code  varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    -- Bit 0 = Monday … bit 6 = Sunday, as inspection tasks.
    weekdays    smallint     NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
    starts      time         NOT NULL,
    ends        time         NOT NULL CHECK (ends > starts),
    staff       integer      NOT NULL CHECK (staff BETWEEN 1 AND 500),
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX store_shifts_store ON store_shifts(store_code);
