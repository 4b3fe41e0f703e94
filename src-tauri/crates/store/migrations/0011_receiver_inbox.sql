-- The push receiver's inbox (maskline-receiver): every verified push body is committed here
-- before the platform gets its 200, then parsed into calls by the same import code as files.
-- A body that cannot be read stays with its reason; nothing is dropped.

CREATE TABLE receiver_inbox (
    id          INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,          -- epoch seconds (UTC)
    app_key     TEXT NOT NULL,             -- the app whose signature verified
    kind        TEXT NOT NULL CHECK (kind IN ('event', 'fee')),   -- endpoint it came in on
    body        BLOB NOT NULL,             -- the raw body, byte for byte
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'parsed', 'rejected')),
    reason      TEXT,                      -- why rejected (or which records were)
    new         INTEGER NOT NULL DEFAULT 0,
    duplicate   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    import_id   INTEGER,                   -- imports.id of the batch that parsed it
    parsed_at   INTEGER
) STRICT;

-- The worker reads pending rows oldest first.
CREATE INDEX receiver_inbox_pending ON receiver_inbox (id) WHERE status = 'pending';
