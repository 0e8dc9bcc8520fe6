-- 收银追溯 (seed 001: the POS bound to the cameras — 有单无人, 有人无单, a member card collecting on others' purchases):
-- receipts one by one as the chain's POS integration pushes them, and which in-store cameras watch a till (their counting
-- area drawn on the customers' side of the counter), so each receipt can be held against who stood at the till then.
ALTER TABLE cameras ADD COLUMN watches_till boolean NOT NULL DEFAULT false;
ALTER TABLE cameras ADD CONSTRAINT cameras_till_interior CHECK (NOT watches_till OR kind = 'interior');

CREATE TABLE pos_receipts (
    store_code   varchar(32)    NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    number       varchar(64)    NOT NULL,
    rung_local   timestamp      NOT NULL,
    rung_utc     timestamptz    NOT NULL,
    cashier      varchar(60)    NOT NULL DEFAULT '',
    member_card  varchar(40),
    total        numeric(14, 2) NOT NULL CHECK (total >= 0),
    lines        jsonb          NOT NULL,
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, number)
);
CREATE INDEX pos_receipts_store_time ON pos_receipts(store_code, rung_local);
