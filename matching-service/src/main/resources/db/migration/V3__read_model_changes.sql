-- Which transaction last wrote each read-model row (PostgreSQL's 64-bit transaction id, never wraps), so that
-- every instance's in-memory index (org.citycoop.matching.readmodel.ReadModelIndexer) can fetch the rows
-- written since its last poll, including those consumed by other instances of the consumer group: a poll reads
-- the rows with written_xid >= the oldest transaction still running at the previous poll
-- (pg_snapshot_xmin(pg_current_snapshot())), so a transaction that commits late is never missed.
ALTER TABLE scheme ADD COLUMN written_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE agency ADD COLUMN written_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE arrangement ADD COLUMN written_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX scheme_written_xid ON scheme (written_xid);
CREATE INDEX agency_written_xid ON agency (written_xid);
CREATE INDEX arrangement_written_xid ON arrangement (written_xid);
