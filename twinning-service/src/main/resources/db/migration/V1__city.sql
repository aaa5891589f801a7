-- The city registry: GeoNames places, keyed by the GeoNames id.
-- unaccent and pg_trgm are trusted contrib extensions (PostgreSQL 13+): the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folds a name for search: lower case, accents removed (Huế -> hue, Đà Nẵng -> da nang). A SQL-standard
-- body is bound when created, so the function is immutable whatever the caller's search_path.
CREATE FUNCTION city_search_fold(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(unaccent('unaccent'::regdictionary, value));

CREATE TABLE city (
    geonames_id   TEXT PRIMARY KEY,
    name          TEXT             NOT NULL,
    ascii_name    TEXT             NOT NULL,
    country       CHAR(2)          NOT NULL,
    admin1_code   TEXT,
    feature_code  TEXT             NOT NULL,
    population    BIGINT           NOT NULL CHECK (population >= 0),
    latitude      DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    source        TEXT             NOT NULL,
    -- Both names folded, separated by a line feed (which no name holds): what `q` is matched against.
    search_names  TEXT GENERATED ALWAYS AS (city_search_fold(name) || E'\n' || city_search_fold(ascii_name)) STORED
);

CREATE INDEX city_search_names_trgm ON city USING gin (search_names gin_trgm_ops);
CREATE INDEX city_by_population ON city (population DESC, geonames_id);
CREATE INDEX city_by_country_population ON city (country, population DESC, geonames_id);

-- Which data files the registry holds: a file whose checksum is listed here is not imported again.
CREATE TABLE city_import (
    source        TEXT        PRIMARY KEY,
    sha256        TEXT        NOT NULL,
    rows_read     INT         NOT NULL,
    rows_skipped  INT         NOT NULL,
    rows_changed  INT         NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL
);
