-- Every version of every scheme, written in the transaction of the change (created, updated, withdrawn):
-- GET /v1/schemes/{id}/history compares consecutive versions. content is the scheme's full
-- representation at the change (the data of the event that announced it). Schemes stored before this
-- table existed have history from their next change on.
CREATE TABLE scheme_version (
    scheme_id   UUID        NOT NULL REFERENCES scheme (id),
    version     BIGINT      NOT NULL,
    content     JSONB       NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    change      TEXT        NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'WITHDRAWN')),
    PRIMARY KEY (scheme_id, version)
);
