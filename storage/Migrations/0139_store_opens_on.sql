-- A store set up before it opens (筹备中: cameras going up, staff hired) trades from this store-local date: closed every day
-- before it, so it raises no 疑似关门 and is nobody's peer in 门店对标 yet, while its cameras may already send pictures
-- (the installer draws the door line on them). Null: trading since it was set up.
ALTER TABLE stores ADD COLUMN opens_on date;
