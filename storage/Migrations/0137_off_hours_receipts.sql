-- Receipts rung while the store was closed by its hours (online orders handed over before opening, sales keyed in long after closing):
-- kept apart within their hour, so conversion weighs the receipts of the hours whose entries it divides by — the door's
-- off-hours entries (0134) are no customers, and sales then were not theirs. Receipts written before this count as rung
-- while open.
ALTER TABLE pos_receipts ADD COLUMN off_hours boolean NOT NULL DEFAULT false;
ALTER TABLE store_receipts ADD COLUMN off_hours_receipts integer NOT NULL DEFAULT 0;
