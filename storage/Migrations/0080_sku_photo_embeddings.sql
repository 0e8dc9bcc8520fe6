-- Each SKU reference photo's enrolment views, as the silo's gallery embedded them (about 95 KB per photo). Kept so a
-- silo that starts again reads them instead of running the network on every photo of the SKU master (0.05 s each:
-- 10,000 photos would hold shelf recognition back for 8 minutes). The recipe names the model and the way the views
-- were made; a silo with another recipe ignores these rows and embeds again.
CREATE TABLE sku_photo_embeddings (
    photo_id     bigint        NOT NULL REFERENCES sku_photos(id) ON DELETE CASCADE,
    recipe       varchar(200)  NOT NULL,
    views        bytea         NOT NULL,
    edge_energy  real          NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (photo_id, recipe)
);
