-- Receipts from the chain's POS per store-local hour (成交): pushed by the POS integration, idempotent per hour, so the
-- traffic reports can show conversion (receipts / entries) and the hours where receipts and people disagree.
CREATE TABLE store_receipts (
    store_code   varchar(32)    NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    hour_local   timestamp      NOT NULL,
    receipts     integer        NOT NULL CHECK (receipts >= 0),
    amount       numeric(14, 2) NOT NULL CHECK (amount >= 0),
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, hour_local)
);
