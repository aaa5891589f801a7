-- Rate-limit token buckets shared by every gateway replica (Bucket4j's PostgreSQL layout: id, serialized
-- state, expires_at in epoch milliseconds). A row is locked (SELECT ... FOR UPDATE) while one request is
-- counted. UNLOGGED: no write-ahead log, so counting a request costs no disk flush; a database crash or a
-- fail-over empties the table (every caller starts with a full quota), which is acceptable for rate limits.
-- fillfactor leaves room on each page for in-place (HOT) updates. Rows of buckets that have been full for a
-- while are deleted by the gateway every minute.
CREATE UNLOGGED TABLE rate_limit_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
) WITH (fillfactor = 70);
