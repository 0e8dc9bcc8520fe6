-- The counting area of an in-store camera: a polygon in fractions of the frame; people standing outside it
-- (seen through the shop window, on the mall walkway) are not counted. NULL counts the whole view.
ALTER TABLE cameras ADD COLUMN counting_area jsonb;
