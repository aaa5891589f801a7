-- The read model this service builds from other services' events (it never reads their tables).
-- Each row keeps the event's data as JSONB (what scoring reads) and the columns that SQL filters on;
-- a row is replaced only by an event with a higher version.

-- catalog.agencies: shown beside each scheme in match results.
CREATE TABLE agency (
    id       TEXT   PRIMARY KEY,
    version  BIGINT NOT NULL,
    name     TEXT,
    acronym  TEXT
);

-- catalog.schemes. The filter columns mirror the hard criteria that SQL can decide: status inputs
-- (status, superseded_by, window_kind, deadline), country, applicant type and challenge overlap.
CREATE TABLE scheme (
    id                  TEXT        PRIMARY KEY,
    version             BIGINT      NOT NULL,
    agency_id           TEXT,
    status              TEXT,
    superseded_by       TEXT,
    window_kind         TEXT,
    deadline            TIMESTAMPTZ,
    eligible_countries  TEXT[]      NOT NULL,
    applicant_types     TEXT[]      NOT NULL,
    challenge_areas     TEXT[]      NOT NULL,
    data                JSONB       NOT NULL
);
CREATE INDEX scheme_challenge_areas ON scheme USING GIN (challenge_areas);
CREATE INDEX scheme_eligible_countries ON scheme USING GIN (eligible_countries);

-- twinning.arrangements: a scheme that needs a partner city asks for one of these.
CREATE TABLE arrangement (
    id        TEXT   PRIMARY KEY,
    version   BIGINT NOT NULL,
    status    TEXT,
    city_ids  TEXT[] NOT NULL,
    data      JSONB  NOT NULL
);
CREATE INDEX arrangement_city_ids ON arrangement USING GIN (city_ids);
