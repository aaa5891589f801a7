-- Agencies that offer support schemes. Codes are checked against the IATI codelists by the service.
CREATE TABLE agency (
    id                 TEXT        PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
    name               TEXT        NOT NULL,
    acronym            TEXT,
    organisation_type  TEXT        NOT NULL,   -- IATI OrganisationType
    country            TEXT        NOT NULL,   -- ISO 3166-1 alpha-2
    iati_org_id        TEXT,
    website            TEXT,
    contact            TEXT,
    regions_served     TEXT[]      NOT NULL DEFAULT '{}',   -- IATI Region codes
    version            BIGINT      NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
