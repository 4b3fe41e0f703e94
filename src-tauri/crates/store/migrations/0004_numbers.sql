-- The X numbers an operator bought (per account) and the pools they are grouped into.
CREATE TABLE pools (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT NOT NULL COLLATE NOCASE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (account_id, name)
) STRICT;

CREATE TABLE numbers (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,             -- E.164
    city        TEXT,                      -- area code, e.g. 0755
    carrier     TEXT,
    tags        TEXT NOT NULL DEFAULT '',  -- comma-separated, sorted
    pool_id     INTEGER REFERENCES pools (id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (account_id, number)
) STRICT;

CREATE INDEX numbers_pool ON numbers (pool_id);
CREATE INDEX numbers_city ON numbers (account_id, city);
