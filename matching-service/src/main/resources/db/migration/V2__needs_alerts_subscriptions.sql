-- Saved needs profiles, the last evaluated match state per (need, scheme), the alerts raised when it
-- changes, webhook subscriptions and their delivery log, and application plans.

-- A saved needs profile (POST /v1/needs). challenge_areas, country and city_id are copies of the
-- profile's fields that the re-evaluation finds affected needs by (GIN and b-tree indexes).
CREATE TABLE need (
    id               UUID        PRIMARY KEY,
    name             TEXT        NOT NULL,
    created_by       TEXT        NOT NULL,
    city_id          TEXT,
    country          TEXT        NOT NULL,
    challenge_areas  TEXT[]      NOT NULL,
    profile          JSONB       NOT NULL,
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX need_challenge_areas ON need USING GIN (challenge_areas);
CREATE INDEX need_city_id ON need (city_id);
CREATE INDEX need_page ON need (created_at, id);

-- Idempotency-Key of POST /v1/needs: the key, a hash of the request it came with, and what it created.
CREATE TABLE need_idempotency_key (
    idempotency_key  TEXT        PRIMARY KEY,
    request_sha256   TEXT        NOT NULL,
    need_id          UUID        NOT NULL REFERENCES need (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at       TIMESTAMPTZ NOT NULL
);

-- The last evaluated state of each scheme that matched (was eligible for) a saved need.
CREATE TABLE need_match (
    need_id    UUID  NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    scheme_id  TEXT  NOT NULL,
    state      JSONB NOT NULL,
    PRIMARY KEY (need_id, scheme_id)
);
CREATE INDEX need_match_scheme ON need_match (scheme_id);

-- Alerts: a scheme newly matches a need, stops matching it, or changes in a field that matters.
CREATE TABLE alert (
    seq         BIGSERIAL   UNIQUE,
    id          UUID        PRIMARY KEY,
    need_id     UUID        NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    scheme_id   TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    data        JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_need ON alert (need_id, seq);

-- Webhook subscriptions: for one need (need_id) or all needs of their creator (need_id NULL).
CREATE TABLE subscription (
    id          UUID        PRIMARY KEY,
    created_by  TEXT        NOT NULL,
    need_id     UUID        REFERENCES need (id) ON DELETE CASCADE,
    url         TEXT        NOT NULL,
    secret      TEXT        NOT NULL,
    mode        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_need ON subscription (need_id);
CREATE INDEX subscription_created_by ON subscription (created_by) WHERE need_id IS NULL;

-- Deliveries to webhooks, driven by a scheduler from this table (nothing is lost across restarts).
-- PENDING until delivered (DELIVERED) or out of attempts (FAILED); a digest collects alerts until due_at.
CREATE TABLE delivery (
    seq               BIGSERIAL   UNIQUE,
    id                UUID        PRIMARY KEY,
    subscription_id   UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    status            TEXT        NOT NULL,
    digest            BOOLEAN     NOT NULL,
    alerts            JSONB       NOT NULL,
    attempts          INT         NOT NULL DEFAULT 0,
    due_at            TIMESTAMPTZ NOT NULL,
    last_status_code  INT,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    delivered_at      TIMESTAMPTZ
);
CREATE INDEX delivery_due ON delivery (due_at) WHERE status = 'PENDING';
-- At most one digest collecting alerts per subscription (not yet attempted).
CREATE UNIQUE INDEX delivery_open_digest ON delivery (subscription_id) WHERE status = 'PENDING' AND digest AND attempts = 0;
CREATE INDEX delivery_subscription ON delivery (subscription_id, seq);

-- Application plans: a chosen scheme's process steps as a checklist for a need.
CREATE TABLE application_plan (
    id          UUID        PRIMARY KEY,
    need_id     UUID        NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    scheme_id   TEXT        NOT NULL,
    plan        JSONB       NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_plan_need ON application_plan (need_id);
