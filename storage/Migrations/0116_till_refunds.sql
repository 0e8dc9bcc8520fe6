-- 收银追溯's 虚报假账 (seed 001): refunds (退单) pushed like receipts, each naming the receipt it gives money back on, so a
-- sale rung with nobody at the till and later refunded, a refund rung with nobody there, more refunded than was paid, or a
-- refund past the return period can be found. A refund is not a purchase: conversion counts sales only.
ALTER TABLE pos_receipts ADD COLUMN refund_of varchar(64);
ALTER TABLE pos_receipts ADD CONSTRAINT pos_receipts_refund_not_itself CHECK (refund_of IS NULL OR refund_of <> number);
CREATE INDEX pos_receipts_refund_of ON pos_receipts(store_code, refund_of) WHERE refund_of IS NOT NULL;

ALTER TABLE till_days
    ADD COLUMN refunds          integer        NOT NULL DEFAULT 0,
    ADD COLUMN refund_amount    numeric(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN refund_findings  integer        NOT NULL DEFAULT 0;
