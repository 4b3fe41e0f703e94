-- Bindings cached from the platform (by sync) and from Maskline's own operations.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ' so that they compare as strings.
CREATE TABLE bindings (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mode            TEXT NOT NULL CHECK (mode IN ('AXB', 'AX', 'AXE', 'AXYB')),
    subscription_id TEXT NOT NULL,
    a               TEXT,
    b               TEXT,
    x               TEXT,
    y               TEXT,
    extension       TEXT,
    direction       INTEGER CHECK (direction IN (0, 1, 2)),
    duration_secs   INTEGER,
    expires_at      TEXT,
    record          INTEGER CHECK (record IN (0, 1)),
    user_data       TEXT,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'unbound')),
    city            TEXT,
    bound_at        TEXT,
    last_synced_at  TEXT,
    UNIQUE (account_id, subscription_id)
) STRICT;

CREATE INDEX bindings_x ON bindings (account_id, x, status);
CREATE INDEX bindings_a ON bindings (account_id, a);
CREATE INDEX bindings_b ON bindings (account_id, b);
CREATE INDEX bindings_expiry ON bindings (account_id, status, expires_at);
CREATE INDEX bindings_bound ON bindings (account_id, bound_at);

-- When each account was last synced from the platform.
CREATE TABLE binding_syncs (
    account_id     INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_synced_at TEXT NOT NULL
) STRICT;
