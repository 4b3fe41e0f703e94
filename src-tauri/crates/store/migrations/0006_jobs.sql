-- Bulk jobs and their journal: one row per data row of the source file.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('bind', 'modify', 'unbind')),
    mode        TEXT NOT NULL CHECK (mode IN ('AXB', 'AX', 'AXE', 'AXYB')),
    source      TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('ready', 'running', 'paused', 'cancelled', 'done')),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at TEXT
) STRICT;

-- `payload` is the validated request as JSON (full numbers: it is what gets sent).
-- A row is committed as 'sending' before its request goes out.
CREATE TABLE job_rows (
    job_id          INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    row_no          INTEGER NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('invalid', 'pending', 'sending', 'ok', 'failed')),
    payload         TEXT NOT NULL,
    a               TEXT,
    b               TEXT,
    x               TEXT,
    subscription_id TEXT,
    result_code     TEXT,
    reason          TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, row_no)
) STRICT, WITHOUT ROWID;

CREATE INDEX job_rows_state ON job_rows (job_id, state);
