-- Twinning arrangements between two or more cities of the registry.
CREATE TABLE twinning_arrangement (
    id            UUID        PRIMARY KEY,
    title         TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    period_start  TEXT,
    period_end    TEXT,
    summary       TEXT,
    source_url    TEXT,
    version       INT         NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX twinning_arrangement_listing ON twinning_arrangement (created_at DESC, id DESC);

-- The cities of an arrangement, in the order the client gave them.
CREATE TABLE twinning_city (
    arrangement_id  UUID NOT NULL REFERENCES twinning_arrangement (id) ON DELETE CASCADE,
    position        INT  NOT NULL,
    city_id         TEXT NOT NULL REFERENCES city (geonames_id),
    role            TEXT NOT NULL,
    PRIMARY KEY (arrangement_id, position),
    UNIQUE (arrangement_id, city_id)
);
CREATE INDEX twinning_city_by_city ON twinning_city (city_id);

CREATE TABLE twinning_theme (
    arrangement_id  UUID NOT NULL REFERENCES twinning_arrangement (id) ON DELETE CASCADE,
    position        INT  NOT NULL,
    theme           TEXT NOT NULL,
    PRIMARY KEY (arrangement_id, position)
);

CREATE TABLE twinning_sector (
    arrangement_id  UUID NOT NULL REFERENCES twinning_arrangement (id) ON DELETE CASCADE,
    position        INT  NOT NULL,
    sector          TEXT NOT NULL,
    PRIMARY KEY (arrangement_id, position)
);

-- Audit of the lifecycle: one row per status change, the creation included (from_status NULL).
CREATE TABLE twinning_transition (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    arrangement_id  UUID        NOT NULL REFERENCES twinning_arrangement (id) ON DELETE CASCADE,
    from_status     TEXT,
    to_status       TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX twinning_transition_by_arrangement ON twinning_transition (arrangement_id, id);

-- Idempotency-Key of POST /v1/twinnings: the key, a hash of the request it came with, and what it created.
CREATE TABLE twinning_idempotency_key (
    idempotency_key  TEXT        PRIMARY KEY,
    request_sha256   TEXT        NOT NULL,
    arrangement_id   UUID        NOT NULL REFERENCES twinning_arrangement (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at       TIMESTAMPTZ NOT NULL
);
