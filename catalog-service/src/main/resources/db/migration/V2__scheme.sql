CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Support schemes. What the list filters on has columns of its own (arrays with GIN indexes, the
-- application window, supersession, withdrawal, a search text); the rest of the content is JSONB.
CREATE TABLE scheme (
    id                      UUID        PRIMARY KEY,
    agency_id               TEXT        NOT NULL REFERENCES agency (id),
    ref                     TEXT        NOT NULL,
    version                 BIGINT      NOT NULL,
    support_types           TEXT[]      NOT NULL,
    challenge_areas         TEXT[]      NOT NULL,
    applicant_types         TEXT[]      NOT NULL,
    sectors                 TEXT[]      NOT NULL,   -- DAC 5-digit codes
    eligible_countries      TEXT[]      NOT NULL,   -- ISO 3166-1 alpha-2; empty = no country restriction
    eligible_regions        TEXT[]      NOT NULL,   -- IATI Region codes
    window_kind             TEXT        CHECK (window_kind IN ('FIXED', 'ROLLING', 'ANNUAL')), -- null: no published window
    window_opens            TIMESTAMPTZ,
    window_opens_offset     INT,        -- UTC offset in seconds the agency gave, kept for the response
    window_deadline         TIMESTAMPTZ,
    window_deadline_offset  INT,
    superseded_by           TEXT,
    withdrawn               BOOLEAN     NOT NULL DEFAULT FALSE,
    search_text             TEXT        NOT NULL,   -- names and descriptions in every language, lower case
    details                 JSONB       NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    CONSTRAINT scheme_agency_ref UNIQUE (agency_id, ref)
);

CREATE INDEX scheme_support_types ON scheme USING GIN (support_types);
CREATE INDEX scheme_challenge_areas ON scheme USING GIN (challenge_areas);
CREATE INDEX scheme_applicant_types ON scheme USING GIN (applicant_types);
CREATE INDEX scheme_sectors ON scheme USING GIN (sectors);
CREATE INDEX scheme_eligible_countries ON scheme USING GIN (eligible_countries);
CREATE INDEX scheme_search_text ON scheme USING GIN (search_text gin_trgm_ops);
CREATE INDEX scheme_updated ON scheme (updated_at DESC, id DESC);

-- The status of a scheme at a given time; the SQL twin of org.citycoop.catalog.scheme.SchemeStatusRule
-- (SchemeStatusSqlTest checks that both agree). ANNUAL: the window recurs each year on the same local
-- date and time at the same offset; it is OPEN inside an occurrence from the given one onwards.
CREATE FUNCTION scheme_status(withdrawn BOOLEAN, superseded_by TEXT, kind TEXT,
                              opens TIMESTAMPTZ, opens_offset INT, deadline TIMESTAMPTZ, deadline_offset INT,
                              at TIMESTAMPTZ)
RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN withdrawn THEN 'WITHDRAWN'
        WHEN superseded_by IS NOT NULL THEN 'CLOSED'
        WHEN kind IS NULL OR kind = 'ROLLING' THEN 'OPEN'
        WHEN kind = 'FIXED' THEN
            CASE WHEN opens IS NOT NULL AND at < opens THEN 'FORECASTED'
                 WHEN at <= deadline THEN 'OPEN'
                 ELSE 'CLOSED' END
        WHEN kind = 'ANNUAL' THEN
            CASE WHEN EXISTS (
                SELECT 1
                FROM (SELECT (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset) AS opens_local,
                             (deadline AT TIME ZONE 'UTC') + make_interval(secs => deadline_offset) AS deadline_local,
                             (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset) AS at_local) w,
                     generate_series(
                         GREATEST(0, extract(year FROM w.at_local)::int - extract(year FROM w.opens_local)::int - 1),
                         extract(year FROM w.at_local)::int - extract(year FROM w.opens_local)::int) AS k
                WHERE w.opens_local + make_interval(years => k) - make_interval(secs => opens_offset) <= (at AT TIME ZONE 'UTC')
                  AND w.deadline_local + make_interval(years => k) - make_interval(secs => deadline_offset) >= (at AT TIME ZONE 'UTC'))
            THEN 'OPEN' ELSE 'FORECASTED' END
    END
$$;
