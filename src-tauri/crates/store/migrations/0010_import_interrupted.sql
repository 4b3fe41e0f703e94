-- Imports cut off by a crash or kill are marked 'interrupted' at the next start (they stayed
-- 'running' for ever before). SQLite cannot change a CHECK constraint in place, so `imports`
-- is rebuilt with the new status allowed, and `import_issues` with it: dropping a parent table
-- would cascade-delete its children's rows, so the child is copied first and the old pair is
-- dropped child first. Renaming the copies rewrites their foreign key to `imports`.

CREATE TABLE imports_v10 (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime       INTEGER,                 -- file modification time, epoch seconds
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL
                CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
    new         INTEGER NOT NULL DEFAULT 0,
    duplicate   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    error       TEXT
) STRICT;
INSERT INTO imports_v10 (id, path, size, mtime, started_at, finished_at, status, new, duplicate,
                         rejected, error)
    SELECT id, path, size, mtime, started_at, finished_at, status, new, duplicate, rejected, error
    FROM imports;

CREATE TABLE import_issues_v10 (
    import_id INTEGER NOT NULL REFERENCES imports_v10 (id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    at        TEXT NOT NULL,
    field     TEXT,
    reason    TEXT NOT NULL
) STRICT;
INSERT INTO import_issues_v10 (rowid, import_id, line, at, field, reason)
    SELECT rowid, import_id, line, at, field, reason FROM import_issues;

DROP TABLE import_issues;
DROP TABLE imports;
ALTER TABLE imports_v10 RENAME TO imports;
ALTER TABLE import_issues_v10 RENAME TO import_issues;
CREATE INDEX import_issues_by_import ON import_issues (import_id);
