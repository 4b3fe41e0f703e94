-- Demo mode: accounts created by "Try the demo" (served by the in-app simulator). Leaving the
-- demo removes them and everything that belongs to them.
ALTER TABLE accounts ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
