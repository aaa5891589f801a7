-- Search on every main field (issue 3). The new filter columns are generated from the stored content
-- (details JSONB), so rows written before this migration get them too and the entity writes nothing new.

ALTER TABLE scheme
    ADD COLUMN finance_type TEXT GENERATED ALWAYS AS (details ->> 'financeType') STORED,
    ADD COLUMN aid_type     TEXT GENERATED ALWAYS AS (details ->> 'aidType') STORED,
    -- The funding range's bounds, each in its own currency (no conversion between currencies).
    ADD COLUMN min_amount   NUMERIC GENERATED ALWAYS AS ((details #>> '{fundingRange,min,amount}')::numeric) STORED,
    ADD COLUMN min_currency TEXT GENERATED ALWAYS AS (details #>> '{fundingRange,min,currency}') STORED,
    ADD COLUMN max_amount   NUMERIC GENERATED ALWAYS AS ((details #>> '{fundingRange,max,amount}')::numeric) STORED,
    ADD COLUMN max_currency TEXT GENERATED ALWAYS AS (details #>> '{fundingRange,max,currency}') STORED,
    -- The languages the scheme has a name or description in (BCP 47 tags, the keys of names and descriptions).
    ADD COLUMN languages    JSONB GENERATED ALWAYS AS (
        jsonb_path_query_array(details, '$.names.keyvalue().key') || jsonb_path_query_array(details, '$.descriptions.keyvalue().key')) STORED,
    -- English full text (stemmed) over the English name and description; other languages use search_text's trigrams.
    ADD COLUMN search_en    TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, coalesce(details #>> '{names,en}', '') || ' ' || coalesce(details #>> '{descriptions,en}', ''))) STORED;

CREATE INDEX scheme_search_en ON scheme USING GIN (search_en);
CREATE INDEX scheme_eligible_regions ON scheme USING GIN (eligible_regions);
CREATE INDEX scheme_languages ON scheme USING GIN (languages);
CREATE INDEX scheme_finance_type ON scheme (finance_type);
CREATE INDEX scheme_aid_type ON scheme (aid_type);
CREATE INDEX scheme_agency_updated ON scheme (agency_id, updated_at DESC, id DESC);
CREATE INDEX scheme_deadline ON scheme (window_deadline, id);
CREATE INDEX scheme_max_amount ON scheme (max_currency, max_amount);

-- Who made each version: the principal of the request (SecurityIdentity), "anonymous" without one;
-- null for versions written before this column existed.
ALTER TABLE scheme_version ADD COLUMN changed_by TEXT;
