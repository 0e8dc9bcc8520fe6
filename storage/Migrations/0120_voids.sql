-- 收银追溯's 作废单 (post-void, 虚报假账): a sale the POS voided after it was rung — the customer paid, left with the goods,
-- and the cashier took the sale back and the cash with it. The POS sends the receipt again with when it was voided and
-- by whom, so a void with nobody at the till, or long after the sale, can be found. A voided sale is not a sale.
ALTER TABLE pos_receipts
    ADD COLUMN voided_local timestamp,
    ADD COLUMN voided_utc   timestamptz,
    ADD COLUMN voided_by    varchar(60);
ALTER TABLE pos_receipts ADD CONSTRAINT pos_receipts_void_of_a_sale CHECK (voided_utc IS NULL OR refund_of IS NULL);

ALTER TABLE till_days
    ADD COLUMN voids          integer        NOT NULL DEFAULT 0,
    ADD COLUMN void_amount    numeric(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN void_findings  integer        NOT NULL DEFAULT 0;
