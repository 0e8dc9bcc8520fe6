-- Why a shelf alert ended, where the plan tells (the slot taken out of the plan, planned for another SKU, the SKU no
-- longer a competitor); null for an end the shelf itself brought (restocked, the competitor gone), for every other
-- event, and for ends written before this.
ALTER TABLE alert_events ADD COLUMN ended_because varchar(30);
