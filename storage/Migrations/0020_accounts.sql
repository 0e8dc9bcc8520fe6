-- Accounts, API keys and the audit log. Passwords and keys are stored only as hashes.

CREATE TABLE users (
    id             serial       PRIMARY KEY,
    username       varchar(60)  NOT NULL UNIQUE,
    display_name   varchar(100) NOT NULL,
    password_hash  text         NOT NULL,
    role           varchar(20)  NOT NULL CHECK (role IN ('hq_admin', 'hq_analyst', 'region_manager', 'store_manager')),
    region_codes   text[]       NOT NULL DEFAULT '{}',
    store_codes    text[]       NOT NULL DEFAULT '{}',
    created_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id             serial       PRIMARY KEY,
    name           varchar(100) NOT NULL,
    prefix         char(8)      NOT NULL UNIQUE,
    key_hash       char(64)     NOT NULL,
    role           varchar(20)  NOT NULL CHECK (role IN ('hq_admin', 'hq_analyst', 'region_manager', 'store_manager')),
    region_codes   text[]       NOT NULL DEFAULT '{}',
    store_codes    text[]       NOT NULL DEFAULT '{}',
    created_by     varchar(60)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);

CREATE TABLE audit_log (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(100) NOT NULL,
    action      varchar(20)  NOT NULL,
    entity      varchar(40)  NOT NULL,
    entity_key  varchar(60)  NOT NULL,
    detail      jsonb
);
CREATE INDEX audit_log_at ON audit_log(at DESC);
