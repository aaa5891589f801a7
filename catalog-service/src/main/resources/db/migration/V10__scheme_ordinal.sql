-- A small dense number per scheme, so that a search can name its matching schemes cheaply (SchemeFacetIndex counts the
-- facets of a search in memory from the ordinals PostgreSQL finds). Existing rows are numbered by the ALTER itself.
ALTER TABLE scheme ADD COLUMN ordinal INT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX scheme_ordinal ON scheme (ordinal);
