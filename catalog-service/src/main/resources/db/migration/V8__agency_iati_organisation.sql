-- An agency's budgets from its own IATI organisation file (POST /v1/agencies/{id}/iati-organisation): the latest
-- import, as JSONB (OrganisationBudgets).
CREATE TABLE agency_iati_organisation (
    agency_id   TEXT        PRIMARY KEY REFERENCES agency (id),
    content     JSONB       NOT NULL,
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
