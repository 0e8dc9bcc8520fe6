-- Which till (收银台) a receipt was rung at and which till a camera watches, so a store with several tills holds each
-- receipt against the customers at its own till, not the busiest of them, and a visit to one till is not taken as
-- explained by a receipt rung at another. Both may be left out: a receipt or camera without one is held against all.
ALTER TABLE cameras ADD COLUMN till varchar(20);
ALTER TABLE cameras ADD CONSTRAINT cameras_till_watched CHECK (till IS NULL OR watches_till);
ALTER TABLE pos_receipts ADD COLUMN till varchar(20);
