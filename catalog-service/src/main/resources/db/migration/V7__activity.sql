-- IATI activities of the agencies, as their own IATI files publish them (POST /v1/agencies/{id}/iati-activities).
-- What the lists and the track record filter on has columns of its own; the rest of the activity is JSONB.
CREATE TABLE activity (
    id               UUID        PRIMARY KEY,
    iati_identifier  TEXT        NOT NULL UNIQUE,
    agency_id        TEXT        NOT NULL REFERENCES agency (id),
    version          BIGINT      NOT NULL,
    status           TEXT,                   -- IATI ActivityStatus code
    start_date       DATE,                   -- actual start, else planned
    end_date         DATE,                   -- actual end, else planned
    last_updated     TIMESTAMPTZ,            -- last-updated-datetime as published (no offset: UTC)
    countries        TEXT[]      NOT NULL,   -- recipient-country codes
    regions          TEXT[]      NOT NULL,   -- recipient-region codes of vocabulary 1 (OECD DAC)
    sectors          TEXT[]      NOT NULL,   -- sector codes of vocabulary 1 (DAC 5-digit)
    content          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX activity_agency ON activity (agency_id, iati_identifier);
CREATE INDEX activity_countries ON activity USING GIN (countries);
CREATE INDEX activity_regions ON activity USING GIN (regions);
CREATE INDEX activity_sectors ON activity USING GIN (sectors);
