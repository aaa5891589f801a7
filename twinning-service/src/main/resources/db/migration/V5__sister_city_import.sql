-- Where an arrangement's record comes from when it was imported (source and licence), and the key that
-- makes the import idempotent: 'sister-city:<id>|<id>' with the two city ids in order.
ALTER TABLE twinning_arrangement
    ADD COLUMN provenance_source  TEXT,
    ADD COLUMN provenance_licence TEXT,
    ADD COLUMN import_key         TEXT UNIQUE;

-- The last report of each import.
CREATE TABLE twinning_import_report (
    import      TEXT        PRIMARY KEY,
    report      JSONB       NOT NULL,
    ran_at      TIMESTAMPTZ NOT NULL
);
