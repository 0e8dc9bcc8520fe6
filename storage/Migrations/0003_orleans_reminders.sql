-- 0003_orleans_reminders.sql
--
-- SmartStore's own PostgreSQL schema for Orleans 10.4.2 ADO.NET reminders
-- (Microsoft.Orleans.Reminders.AdoNet, Invariant = "Npgsql", Npgsql 10).
-- Written by us from the provider's contract; not a copy of the Orleans
-- repository's scripts. Needs 0001 (the orleansquery table).
--
-- Contract notes (verified against the 10.4.2 binaries):
--  * Parameters: @ServiceId text, @GrainId text (GrainId.ToString()), @ReminderName
--    text, @StartTime timestamptz (DbType.DateTime, Kind=Utc), @Period int or bigint
--    (milliseconds; bigint only when it does not fit an int), @GrainHash int,
--    @BeginHash int, @EndHash int, @Version int.
--  * Grain hashes are the uint ring hashes cast to signed int. The provider picks
--    ReadRangeRows1Key when (int)begin < (int)end (plain range: > begin AND <= end)
--    and ReadRangeRows2Key otherwise (wrapped range: > begin OR <= end). Casting to
--    signed rotates the ring, so comparing the signed column is correct.
--  * Rows are read by name: "GrainId", "ReminderName", "StartTime", "Period",
--    "Version". The ETag is the integer version as a string.
--  * UpsertReminderRowKey returns "Version"; DeleteReminderRowKey returns one
--    boolean column (deleted only if @Version still matches).
-- Idempotent: safe to run more than once.

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    varchar(150) NOT NULL,
    grain_id      text         NOT NULL,
    reminder_name varchar(150) NOT NULL,
    grain_hash    integer      NOT NULL,
    start_time    timestamptz  NOT NULL,
    period        bigint       NOT NULL,
    version       integer      NOT NULL,
    CONSTRAINT pk_orleans_reminder PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_orleans_reminder_hash
    ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder
    (service_id, grain_id, reminder_name, grain_hash, start_time, period, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = EXCLUDED.grain_hash,
    start_time = EXCLUDED.start_time,
    period     = EXCLUDED.period,
    version    = orleans_reminder.version + 1
RETURNING version AS "Version";
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
