-- 收银追溯 per store and store-local day, kept by the web hosts as receipts and till pictures come in: head office's
-- overview of every store with a till camera reads these rows (tracing 2,000 stores' receipts on each look would not do),
-- and they outlast the pictures' retention.
CREATE TABLE till_days (
    store_code   varchar(32)    NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    day          date           NOT NULL,
    receipts     integer        NOT NULL,
    amount       numeric(14, 2) NOT NULL,
    no_customer  integer        NOT NULL,
    card_reused  integer        NOT NULL,
    unrung       integer        NOT NULL,
    unchecked    integer        NOT NULL,
    computed_at  timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, day)
);
CREATE INDEX till_days_day ON till_days(day);
