-- Idempotency-Keys are now each API client's own: stored as '<client name> <key>' (a key has no spaces).
-- Keys recorded before clients existed were sent by the seed loader, which is now the secretariat's admin.
UPDATE twinning_idempotency_key
   SET idempotency_key = 'secretariat-admin ' || idempotency_key
 WHERE position(' ' IN idempotency_key) = 0;
