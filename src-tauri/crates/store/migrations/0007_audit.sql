-- Append-only audit trail, hash-chained: hash = SHA-256(prev_hash || canonical content).
-- Numbers in `target` are masked; no secrets are ever written here.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    account     TEXT,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    result_code TEXT NOT NULL,
    ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;

CREATE INDEX audit_at ON audit (at);
