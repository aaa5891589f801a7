-- The change feed (GET /v1/changes): one row per catalogue change (agency created/updated, scheme
-- created/updated/withdrawn), written in the transaction of the change. seq orders the feed. Writers take
-- a transaction-level advisory lock before inserting here (ChangeFeed.record), so seq values are assigned
-- and committed in the same order and a reader never sees seq n+1 before seq n. Changes made before this
-- table existed are not in the feed.
CREATE TABLE catalog_change (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('AGENCY', 'SCHEME')),
    resource_id  TEXT        NOT NULL,
    agency_id    TEXT        NOT NULL,
    ref          TEXT,
    change       TEXT        NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'WITHDRAWN')),
    version      BIGINT      NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
