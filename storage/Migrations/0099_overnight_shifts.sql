-- A shift may end after midnight (a store open late, as opening hours allow): ends before starts is the next day's
-- time. Only a shift that ends when it starts is refused.
DO $$
DECLARE c text;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'store_shifts'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%starts%'
    LOOP
        EXECUTE format('ALTER TABLE store_shifts DROP CONSTRAINT %I', c);
    END LOOP;
END $$;
ALTER TABLE store_shifts ADD CONSTRAINT store_shifts_not_empty CHECK (ends <> starts);
