-- 0001_orleans_clustering.sql
--
-- SmartStore's own PostgreSQL schema for Orleans 10.4.2 ADO.NET clustering
-- (Microsoft.Orleans.Clustering.AdoNet, Invariant = "Npgsql", Npgsql 10).
-- Written by us from the provider's contract (query keys it loads from
-- OrleansQuery, the parameters it binds, the result columns it reads); it is
-- not a copy of the Orleans repository's scripts.
--
-- Contract notes (verified against the 10.4.2 binaries):
--  * Every provider runs the unquoted `SELECT QueryKey, QueryText FROM OrleansQuery`,
--    so the table is orleansquery(querykey, querytext); Npgsql's GetOrdinal falls
--    back to a case-insensitive match, so "QueryKey" finds querykey.
--  * Result columns are read by name: we alias them in double quotes with the exact
--    case the provider asks for ("Version", "Address", "Port", ...).
--  * DateTime parameters are bound with DbType.DateTime and Kind=Utc; Npgsql 10
--    sends those as timestamptz, so every timestamp column is timestamptz.
--  * The table version (ETag) is an int kept in orleans_membership_version; every
--    insert/update of a silo row succeeds only if @Version still equals it, and
--    bumps it in the same statement.
--  * SiloStatus values: 3 = Active, 6 = Dead.
-- Idempotent: safe to run more than once.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NULL,
    host_name       varchar(150) NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    CONSTRAINT pk_orleans_membership PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the version row for a cluster. Returns one boolean: was it created?
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- Heartbeat; no version change.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- Adds a silo row if the table version is still @Version (and bumps it).
-- Returns one boolean.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleans_membership
                      WHERE deployment_id = @DeploymentId
                        AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
added AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status,
         proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           COALESCE(@ProxyPort, 0), @StartTime, @IAmAliveTime
    FROM bumped b
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM added);
$q$),

-- Changes a silo row if the table version is still @Version (and bumps it).
-- Returns one boolean.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND EXISTS (SELECT 1 FROM orleans_membership
                  WHERE deployment_id = @DeploymentId
                    AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
changed AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE m.deployment_id = b.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM changed);
$q$),

-- One silo. Always returns at least the version row (silo columns NULL when absent).
('MembershipReadRowKey', $q$
SELECT v.version                    AS "Version",
       m.address                    AS "Address",
       m.port                       AS "Port",
       m.generation                 AS "Generation",
       COALESCE(m.silo_name, '')    AS "SiloName",
       COALESCE(m.host_name, '')    AS "HostName",
       m.status                     AS "Status",
       m.proxy_port                 AS "ProxyPort",
       m.suspect_times              AS "SuspectTimes",
       m.start_time                 AS "StartTime",
       m.i_am_alive_time            AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Whole cluster. Always returns at least the version row.
('MembershipReadAllKey', $q$
SELECT v.version                    AS "Version",
       m.address                    AS "Address",
       m.port                       AS "Port",
       m.generation                 AS "Generation",
       COALESCE(m.silo_name, '')    AS "SiloName",
       COALESCE(m.host_name, '')    AS "HostName",
       m.status                     AS "Status",
       m.proxy_port                 AS "ProxyPort",
       m.suspect_times              AS "SuspectTimes",
       m.start_time                 AS "StartTime",
       m.i_am_alive_time            AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Gateways of active silos (@Status = 3), for clients.
('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0;
$q$),

-- Drops a whole cluster (silo rows go with the version row: ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Bulk fallback: dead silos not heard from since @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND i_am_alive_time < @IAmAliveTime
  AND start_time < @IAmAliveTime;
$q$),

-- Optional key (used when present): deletes one dead silo row only while it still
-- holds the values the provider captured when it judged the row defunct.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
