-- What a city offers and needs (challenge areas and DAC sectors, with evidence), as JSON arrays of the
-- API's shapes; version for ETags and events. A city without a row has declared nothing.
CREATE TABLE city_profile (
    city_id     TEXT        PRIMARY KEY REFERENCES city (geonames_id),
    offers      JSONB       NOT NULL DEFAULT '[]',
    needs       JSONB       NOT NULL DEFAULT '[]',
    version     INT         NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX city_profile_offers ON city_profile USING gin (offers jsonb_path_ops);

-- Names in other languages and scripts (北九州市, Сурабая): searched like the main names.
CREATE TABLE city_alternate_name (
    city_id  TEXT NOT NULL REFERENCES city (geonames_id),
    name     TEXT NOT NULL,
    lang     TEXT,
    folded   TEXT GENERATED ALWAYS AS (city_search_fold(name)) STORED,
    PRIMARY KEY (city_id, name)
);
CREATE INDEX city_alternate_name_trgm ON city_alternate_name USING gin (folded gin_trgm_ops);

-- Municipalities the secretariat adds (smaller than GeoNames' 15,000 inhabitants): ids "CC" + this
-- sequence, which never collide with GeoNames ids (digits only).
CREATE SEQUENCE city_secretariat_id START 1001;
