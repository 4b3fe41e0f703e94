-- Calls (CDRs, §12) and call events (§11) imported from platform notifications, and the
-- bookkeeping of imported files. All times are UTC epoch seconds.

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime       INTEGER,                 -- file modification time, epoch seconds
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    new         INTEGER NOT NULL DEFAULT 0,
    duplicate   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    error       TEXT
) STRICT;

-- The first rejections of each file (capped per file; the counts above are complete).
CREATE TABLE import_issues (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    at        TEXT NOT NULL,
    field     TEXT,
    reason    TEXT NOT NULL
) STRICT;
CREATE INDEX import_issues_by_import ON import_issues (import_id);

CREATE TABLE calls (
    id                 INTEGER PRIMARY KEY,
    -- 'icid:<icid>' when the CDR has an icid, else 'leg:<sessionId>|<start_time>|<bindNum>'.
    dedupe_key         TEXT NOT NULL,
    import_id          INTEGER,          -- imports.id (no FK: kept when the import log is pruned)
    icid               TEXT,
    session_id         TEXT NOT NULL,
    direction          INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),
    app_key            TEXT,
    x_number           TEXT NOT NULL,    -- bindNum
    subscription_id    TEXT,
    caller             TEXT NOT NULL,    -- callerNum
    callee_num         TEXT NOT NULL,    -- calleeNum (first leg's callee, usually X)
    callee             TEXT NOT NULL,    -- the real callee: fwdDstNum, else calleeNum
    display_num        TEXT,             -- fwdDisplayNum
    start_time         INTEGER NOT NULL, -- callInTime, else the first time present
    alerting_time      INTEGER,
    answer_time        INTEGER,
    end_time           INTEGER,
    answered           INTEGER NOT NULL CHECK (answered IN (0, 1)),
    talk_seconds       INTEGER NOT NULL,
    ul_fail_reason     INTEGER,
    state_code         INTEGER,          -- from the disconnect event, when it came first
    fwd_unasw_rsn      INTEGER,
    call_out_unasw_rsn INTEGER,
    sip_status         INTEGER,
    call_rel_direction INTEGER,
    outcome            TEXT NOT NULL,    -- explain::CallOutcome id
    has_recording      INTEGER NOT NULL CHECK (has_recording IN (0, 1)),
    record_object_name TEXT,
    record_domain      TEXT,
    record_url         TEXT,
    service_type       TEXT,
    user_data          TEXT,
    extend_number      TEXT,
    -- '^caller$^callee$^x$' with +86 dropped: what number search matches against (the FTS
    -- index below is built from the same text, computed by the importer).
    numbers            TEXT GENERATED ALWAYS AS (
        '^' || iif(substr(caller, 1, 3) = '+86', substr(caller, 4), caller) ||
        '$^' || iif(substr(callee, 1, 3) = '+86', substr(callee, 4), callee) ||
        '$^' || iif(substr(x_number, 1, 3) = '+86', substr(x_number, 4), x_number) || '$'
    ) VIRTUAL
) STRICT;

-- Re-importing is a no-op: INSERT … ON CONFLICT (dedupe_key) DO NOTHING.
CREATE UNIQUE INDEX calls_dedupe ON calls (dedupe_key);
-- Newest first, date ranges, and the default sort of every filter below (rowid breaks ties).
CREATE INDEX calls_by_time ON calls (start_time);
-- "answered / not answered" pages and counts over a range.
CREATE INDEX calls_by_answered ON calls (answered, start_time);
-- Failure-reason filter and the dashboard's reason counts.
CREATE INDEX calls_by_outcome ON calls (outcome, start_time);
-- X filter and busiest-X.
CREATE INDEX calls_by_x ON calls (x_number, start_time);
-- Binding filter.
CREATE INDEX calls_by_subscription ON calls (subscription_id, start_time)
    WHERE subscription_id IS NOT NULL;

-- Number search (full, any part, last digits): trigrams of `numbers`, contentless and without
-- positions (small and fast to build); candidates are re-checked against calls.numbers.
CREATE VIRTUAL TABLE calls_numbers USING fts5 (
    numbers, tokenize = 'trigram', content = '', detail = none
);

CREATE TABLE call_events (
    id                 INTEGER PRIMARY KEY,
    session_id         TEXT NOT NULL,
    kind               TEXT NOT NULL,    -- callin, callout, alerting, answer, disconnect, collectInfo
    time               INTEGER NOT NULL,
    caller             TEXT,
    called             TEXT,
    subscription_id    TEXT,
    user_data          TEXT,
    state_code         INTEGER,
    state_desc         TEXT,
    call_rel_direction INTEGER,
    notify_mode        TEXT,
    import_id          INTEGER,
    UNIQUE (session_id, kind, time)
) STRICT;
