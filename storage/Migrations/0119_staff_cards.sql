-- 内部会员卡收费 (seed 001): the member cards the chain's own staff hold, each registered with its holder and store, so
-- any sale rung on one is a finding — the staff member collecting points and discounts on customers' purchases —
-- not only a card seen on many receipts in a day. A card is one person's, chain-wide.
CREATE TABLE staff_cards (
    card        varchar(40)  PRIMARY KEY,
    holder      varchar(60)  NOT NULL,
    store_code  varchar(32)  NOT NULL REFERENCES stores(code) ON DELETE CASCADE ON UPDATE CASCADE,
    added_by    varchar(100) NOT NULL,
    added_utc   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX staff_cards_store ON staff_cards(store_code);

-- A card registered or removed changes the findings of the days it was used on: those are found by card.
CREATE INDEX pos_receipts_member_card ON pos_receipts(member_card, rung_local) WHERE member_card IS NOT NULL;

ALTER TABLE till_days ADD COLUMN staff_card integer NOT NULL DEFAULT 0;
