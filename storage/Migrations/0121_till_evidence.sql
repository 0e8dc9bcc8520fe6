-- 收银追溯's evidence outlives the pictures' retention: a loss-prevention case is opened weeks after the day, when the till
-- pictures of that day are gone. The keeper stores each receipt as it last traced it and the day's visits that rang
-- nothing, so a day it no longer traces is shown as traced (as the overview's figures are), and keeps the pictures that
-- show a finding until a set day.
ALTER TABLE pos_receipts ADD COLUMN trace jsonb;
ALTER TABLE till_days ADD COLUMN unrung_visits jsonb;

CREATE TABLE till_evidence (
    snapshot_id  bigint       NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    store_code   varchar(32)  NOT NULL,
    day          date         NOT NULL,
    keep_until   timestamptz  NOT NULL,
    PRIMARY KEY (snapshot_id, store_code, day)
);
CREATE INDEX till_evidence_store_day ON till_evidence(store_code, day);
