-- 营销活动 (seed 001: the chain judged its promotions and holidays by their traffic against the same period): a campaign
-- runs from one store-local date to another in the stores of a region (null: all) carrying a tag (null: any).
CREATE TABLE campaigns (
    id           bigserial    PRIMARY KEY,
    name         varchar(60)  NOT NULL,
    from_date    date         NOT NULL,
    to_date      date         NOT NULL CHECK (to_date >= from_date AND to_date - from_date <= 366),
    region_code  varchar(32)  REFERENCES regions(code) ON DELETE CASCADE,
    store_tag    varchar(40),
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_from ON campaigns(from_date DESC);
