-- Stores that looked closed during their opening hours (营业时间内疑似关门): nobody came in for a while although so
-- many walked past that an open store would almost surely have had a customer. One row per spell, written when raised
-- and again when the next customer came in (reopened_utc).
CREATE TABLE store_closures (
    store_code    varchar(32)      NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    since_utc     timestamptz      NOT NULL,
    raised_utc    timestamptz      NOT NULL,
    reopened_utc  timestamptz,
    passers_by    integer          NOT NULL,
    entry_rate    double precision NOT NULL,
    chance        double precision NOT NULL,
    PRIMARY KEY (store_code, since_utc)
);
