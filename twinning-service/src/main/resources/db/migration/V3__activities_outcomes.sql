-- Who made each lifecycle change: the caller's principal name ("anonymous" when the request carried none).
ALTER TABLE twinning_transition ADD COLUMN changed_by TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE twinning_transition ALTER COLUMN changed_by DROP DEFAULT;

-- What an arrangement does and achieves, kept with it (JSON arrays of the API's shapes, keyed by `ref`):
-- activities (exchange visits, trainings, ...), outcome indicators, and the evaluation summary.
ALTER TABLE twinning_arrangement
    ADD COLUMN activities JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN outcomes   JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN evaluation JSONB;
