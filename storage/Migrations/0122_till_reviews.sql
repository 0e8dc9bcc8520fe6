-- 收银追溯's findings are leads, not verdicts: head office or the region looks at each (the receipt, the till's picture)
-- and records what it was — a breach confirmed, or cleared (a phone order, a colleague's test sale) — with a note, so the
-- same lead is not looked at twice and the findings can be told from the breaches.
CREATE TABLE till_reviews (
    store_code    varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    subject       varchar(120) NOT NULL,
    day           date         NOT NULL,
    verdict       varchar(16)  NOT NULL CHECK (verdict IN ('confirmed', 'cleared')),
    note          varchar(300) NOT NULL DEFAULT '',
    reviewed_by   varchar(100) NOT NULL,
    reviewed_utc  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, subject)
);
CREATE INDEX till_reviews_day ON till_reviews(day, store_code);
