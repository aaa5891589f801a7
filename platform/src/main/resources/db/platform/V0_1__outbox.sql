-- Transactional outbox: a state change and its event commit in one transaction; OutboxRelay publishes
-- the rows in seq order and deletes them once the broker has acknowledged them (acks=all).
CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    message_key    TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    subject        TEXT,
    payload        TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    attempts       INT         NOT NULL DEFAULT 0,
    last_error     TEXT
);

-- Idempotent consumers: the ids of the events already applied, per consumer.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
