-- Recordings (§9.1): the fetch state of every recorded call and the local copy's metadata.
-- A recorded call (calls.has_recording = 1) without a row here is waiting. The audio itself is
-- a file `<sha256>.<ext>` in the recordings folder beside the database; `file_name` names it.
-- Times are UTC epoch seconds except `lru_ms` (milliseconds, the eviction order).
CREATE TABLE recordings (
    call_id         INTEGER PRIMARY KEY NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    state           TEXT NOT NULL
        CHECK (state IN ('waiting', 'fetching', 'fetched', 'failed', 'expired', 'evicted')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    error           TEXT,               -- bilingual, says what to do; never a link or a secret
    error_kind      TEXT,               -- expired, notFound, truncated, network, http<status>, …
    file_name       TEXT,               -- <sha256>.<ext>, set only while state = 'fetched'
    sha256          TEXT,
    bytes           INTEGER,
    duration_ms     INTEGER,
    format          TEXT,               -- wav/alaw, wav/ulaw, wav/pcm16, mp3, …
    fetched_at      INTEGER,
    last_played_at  INTEGER,
    -- Last use (fetch or play) in ms: the least recently used unpinned copy is evicted first.
    lru_ms          INTEGER,
    pinned          INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    updated_at      INTEGER NOT NULL
) STRICT;

-- Counts per state, the fetch queue and "stuck in fetching" at start-up.
CREATE INDEX recordings_by_state ON recordings (state);
-- Eviction order: oldest use first among fetched, unpinned copies.
CREATE INDEX recordings_lru ON recordings (lru_ms) WHERE state = 'fetched' AND pinned = 0;
-- The Recordings page lists recorded calls only, newest first.
CREATE INDEX calls_recorded ON calls (start_time) WHERE has_recording = 1;
