-- The catalogue's schemes as this service knows them from catalog.schemes events (a read model): enough to
-- validate funding links and to flag them when a scheme is withdrawn or closes.
CREATE TABLE scheme (
    id          TEXT        PRIMARY KEY,
    agency_id   TEXT,
    ref         TEXT,
    name        TEXT,
    status      TEXT,
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The schemes that fund an arrangement (JSON array of the API's FundingLink shape).
ALTER TABLE twinning_arrangement ADD COLUMN funding_links JSONB NOT NULL DEFAULT '[]';
CREATE INDEX twinning_arrangement_funding_links ON twinning_arrangement USING gin (funding_links jsonb_path_ops);
