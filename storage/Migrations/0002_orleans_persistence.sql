-- 0002_orleans_persistence.sql
--
-- SmartStore's own PostgreSQL schema for Orleans 10.4.2 ADO.NET grain storage
-- (Microsoft.Orleans.Persistence.AdoNet, Invariant = "Npgsql", Npgsql 10).
-- Written by us from the provider's contract; not a copy of the Orleans
-- repository's scripts. Needs 0001 (the orleansquery table) and PostgreSQL 15+
-- (UNIQUE ... NULLS NOT DISTINCT).
--
-- Contract notes (verified against the 10.4.2 binaries):
--  * Parameters: @GrainIdHash int, @GrainIdN0 bigint, @GrainIdN1 bigint,
--    @GrainTypeHash int, @GrainTypeString text, @GrainIdExtensionString text (NULL
--    for keys without extension), @ServiceId text, @GrainStateVersion int (NULL =
--    "no ETag"), @PayloadBinary bytea.
--    Integer keys: N0 = 0, N1 = key. Guid keys: N0/N1 = the Guid's two halves.
--    String keys: N0 = N1 = 0 and the whole key is in @GrainIdExtensionString.
--  * @GrainTypeString is the STATE NAME given to [PersistentState(name, ...)], not
--    the grain class, and the key parts do not carry the grain type: two grain
--    classes with the same state name and the same key share one row. Give every
--    grain class its own state name.
--  * The ETag is the integer row version as a string.
--  * WriteToStorageKey must return column "NewGrainStateVersion" = the new version
--    on success; on an ETag mismatch it returns no row, which the provider turns
--    into InconsistentStateException. The new version must differ from the old.
--  * ReadFromStorageKey returns at most one row: "PayloadBinary", "Version".
--  * ClearStorageKey returns the new version in its first column (no row = conflict);
--    the row is kept with a NULL payload so the version keeps counting.
--  * DeleteStorageKey (optional, for DeleteStateOnClear = true) removes the row and
--    returns a non-NULL value different from the old ETag (no row = conflict).
-- Idempotent: safe to run more than once.

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension text         NULL,
    payload            bytea        NULL,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_grain_state_key
    ON orleans_grain_state (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                            grain_type, grain_id_extension)
    NULLS NOT DISTINCT;

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary",
       version AS "Version"
FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- No ETag: insert version 1 unless a row exists. ETag: update only that version.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grain_id_hash = @GrainIdHash
      AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_type = @GrainTypeString
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
         grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),

('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$q$),

('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
