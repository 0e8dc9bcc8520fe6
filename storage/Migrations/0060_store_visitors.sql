-- What a store remembers of today's visitors (appearance, entries, open visit), so a store grain reactivated mid-day
-- still recognises a repeat entry, the staff rule and dwell. One row per visitor, rewritten whole.
CREATE TABLE store_visitors (
    store_code  varchar(32)  NOT NULL REFERENCES stores(code),
    day         date         NOT NULL,
    visitor_id  integer      NOT NULL,
    memory      jsonb        NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, day, visitor_id)
);
