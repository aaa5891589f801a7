-- The agencies' IATI activities (catalog.activities), for the trackRecord criterion: what the criterion reads is in
-- data; written_xid as in V3, so that every instance's in-memory index learns of them.
CREATE TABLE activity (
    id           TEXT   PRIMARY KEY,
    version      BIGINT NOT NULL,
    agency_id    TEXT   NOT NULL,
    data         JSONB  NOT NULL,
    written_xid  xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX activity_agency ON activity (agency_id);
CREATE INDEX activity_written_xid ON activity (written_xid);
