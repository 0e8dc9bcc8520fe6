-- A refund rung at one store of a sale rung at another (快鱼's 七天无理由退换 at any of its stores): the refund names the
-- store of its sale when that is not its own, and is held against that sale and that store's till pictures. A sale's
-- refunds are found by its store and number, wherever they were rung. No reference to stores: a refund outlives the
-- removal of the store its sale was rung at (the sale goes with that store; the refund says its sale is unknown).
ALTER TABLE pos_receipts ADD COLUMN refund_store varchar(32);
ALTER TABLE pos_receipts ADD CONSTRAINT pos_receipts_refund_store_of_refund CHECK (refund_store IS NULL OR refund_of IS NOT NULL);
ALTER TABLE pos_receipts DROP CONSTRAINT pos_receipts_refund_not_itself;
ALTER TABLE pos_receipts ADD CONSTRAINT pos_receipts_refund_not_itself
    CHECK (refund_of IS NULL OR refund_of <> number OR coalesce(refund_store, store_code) <> store_code);
DROP INDEX pos_receipts_refund_of;
CREATE INDEX pos_receipts_refund_of ON pos_receipts((coalesce(refund_store, store_code)), refund_of) WHERE refund_of IS NOT NULL;
