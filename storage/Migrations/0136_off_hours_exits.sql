-- People going out while the store was closed by its hours (cleaners, staff before opening), unless seen coming in as a
-- customer: kept apart from exits, as 0134 keeps their entries apart, so a day's exits are its customers' as its entries
-- are. Hours written before this keep such exits among the exits.
ALTER TABLE traffic_hourly ADD COLUMN off_hours_exits integer NOT NULL DEFAULT 0;
