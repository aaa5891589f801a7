-- API clients of the public API and their keys. A key is never stored: only its SHA-256 (hex) and a
-- short visible prefix that identifies it in logs and lists.
CREATE TABLE api_client (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL UNIQUE,
    role           text        NOT NULL,
    agency_id      text,
    city_ids       text[]      NOT NULL DEFAULT '{}',
    key_prefix     text        NOT NULL,
    key_hash       text        NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    key_created_at timestamptz NOT NULL,
    revoked_at     timestamptz
);
