-- Platform accounts. The app key and app secret are NOT here: they live in the OS keyring,
-- under entries derived from `id`. Only non-secret connection settings are stored.
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    mode        TEXT NOT NULL CHECK (mode IN ('AXB', 'AX', 'AXE', 'AXYB')),
    auth        TEXT NOT NULL CHECK (auth IN ('aksk', 'wsse')),
    base_url    TEXT NOT NULL,
    ca_cert_pem TEXT,
    rate_limit  INTEGER NOT NULL CHECK (rate_limit >= 1),
    is_active   INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- At most one active account.
CREATE UNIQUE INDEX accounts_one_active ON accounts (is_active) WHERE is_active = 1;
