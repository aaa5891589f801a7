-- Imports of IATI activity files that run after their request was answered (POST .../iati-activities with
-- Prefer: respond-async): their state and progress, read by any instance (GET .../iati-imports/{id}).
CREATE TABLE activity_import (
    id           UUID        PRIMARY KEY,
    agency_id    TEXT        NOT NULL REFERENCES agency (id),
    state        TEXT        NOT NULL,   -- QUEUED, RUNNING, SUCCEEDED, FAILED
    bytes_total  BIGINT      NOT NULL,
    bytes_read   BIGINT      NOT NULL,
    activities   INT         NOT NULL,
    created      INT         NOT NULL,
    updated      INT         NOT NULL,
    unchanged    INT         NOT NULL,
    rejected     INT         NOT NULL,
    report       JSONB,                  -- the ImportReport, once SUCCEEDED
    problem      JSONB,                  -- the RFC 9457 problem, once FAILED
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX activity_import_agency ON activity_import (agency_id, created_at);
