-- Faster search at 100,000 schemes (issue 3's benchmark).
--
-- 1. scheme_status as one CASE expression without a subquery, so that PostgreSQL inlines it into the query
--    instead of calling it per row (the ANNUAL branch used generate_series in a subquery: about 60 microseconds a
--    row). The rule is unchanged (org.citycoop.catalog.scheme.SchemeStatusRule; SchemeStatusSqlTest checks both
--    agree): an ANNUAL window recurs each year on the same local date and time at the same offset, and is OPEN
--    inside the occurrence k years after the given one, for k the local year of `at` minus the given year, or one
--    less (a window lasts less than a year), and k >= 0. Local times are the UTC instant plus the agency's offset;
--    adding years to a local time keeps its date and clock time (29 February becomes 28 February), as Java's
--    OffsetDateTime.plusYears does.
CREATE OR REPLACE FUNCTION scheme_status(withdrawn BOOLEAN, superseded_by TEXT, kind TEXT,
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
            -- k = the local year of `at` minus the given year (Y below), or Y - 1; k >= 0
            CASE WHEN (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int) >= 1
                  AND ((opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset) + make_interval(years => (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int) - 1)
                      - make_interval(secs => opens_offset) <= (at AT TIME ZONE 'UTC')
                  AND (deadline AT TIME ZONE 'UTC') + make_interval(secs => deadline_offset) + make_interval(years => (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int) - 1)
                      - make_interval(secs => deadline_offset) >= (at AT TIME ZONE 'UTC'))
                 THEN 'OPEN'
                 WHEN (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int) >= 0
                  AND ((opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset) + make_interval(years => (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int))
                      - make_interval(secs => opens_offset) <= (at AT TIME ZONE 'UTC')
                  AND (deadline AT TIME ZONE 'UTC') + make_interval(secs => deadline_offset) + make_interval(years => (extract(year FROM (at AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int
                  - extract(year FROM (opens AT TIME ZONE 'UTC') + make_interval(secs => opens_offset))::int))
                      - make_interval(secs => deadline_offset) >= (at AT TIME ZONE 'UTC'))
                 THEN 'OPEN'
                 ELSE 'FORECASTED' END
    END
$$;

-- 2. The names alone (every language, lower case), so that relevance can put a name containing the query as typed
--    first without the per-row trigram similarity over whole descriptions that word_similarity computed.
ALTER TABLE scheme
    ADD COLUMN search_names TEXT GENERATED ALWAYS AS (lower(jsonb_path_query_array(details, '$.names.*')::text)) STORED;
