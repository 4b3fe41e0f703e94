//! Embedded, append-only schema migrations tracked in `schema_migrations`.
//!
//! Never edit a released migration: add a new file and a new entry at the end.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. Versions are 1..=n without gaps.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "settings",
        sql: include_str!("../migrations/0001_settings.sql"),
    },
    Migration {
        version: 2,
        name: "accounts",
        sql: include_str!("../migrations/0002_accounts.sql"),
    },
    Migration {
        version: 3,
        name: "calls",
        sql: include_str!("../migrations/0003_calls.sql"),
    },
    Migration {
        version: 4,
        name: "numbers",
        sql: include_str!("../migrations/0004_numbers.sql"),
    },
    Migration {
        version: 5,
        name: "bindings",
        sql: include_str!("../migrations/0005_bindings.sql"),
    },
    Migration {
        version: 6,
        name: "jobs",
        sql: include_str!("../migrations/0006_jobs.sql"),
    },
    Migration {
        version: 7,
        name: "audit",
        sql: include_str!("../migrations/0007_audit.sql"),
    },
    Migration {
        version: 8,
        name: "demo",
        sql: include_str!("../migrations/0008_demo.sql"),
    },
    Migration {
        version: 9,
        name: "recordings",
        sql: include_str!("../migrations/0009_recordings.sql"),
    },
    Migration {
        version: 10,
        name: "import_interrupted",
        sql: include_str!("../migrations/0010_import_interrupted.sql"),
    },
    Migration {
        version: 11,
        name: "receiver_inbox",
        sql: include_str!("../migrations/0011_receiver_inbox.sql"),
    },
];

/// The schema version this build expects.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)";

/// The highest applied version (0 for a new database).
pub fn current_version(conn: &Connection) -> Result<i64, StoreError> {
    conn.execute_batch(VERSION_TABLE)?;
    let v: Option<i64> = conn.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
        r.get(0)
    })?;
    Ok(v.unwrap_or(0))
}

/// Applies every pending migration, each in its own transaction.
///
/// Each step takes SQLite's write lock first (`BEGIN IMMEDIATE`, waiting up to the busy
/// timeout) and re-reads the version inside it, so two processes opening a brand-new
/// database at once apply every migration exactly once instead of racing each other.
pub fn run(conn: &mut Connection) -> Result<usize, StoreError> {
    // Up to date (the usual case): no write lock, so opening for reading never waits on a
    // writer such as a running import.
    let current = current_version(conn)?;
    if current == latest_version() {
        return Ok(0);
    }
    let mut applied = 0;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx
            .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .unwrap_or(0);
        if current > latest_version() {
            return Err(StoreError::TooNew {
                found: current,
                known: latest_version(),
            });
        }
        let Some(m) = MIGRATIONS.iter().find(|m| m.version > current) else {
            break;
        };
        tx.execute_batch(m.sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            (m.version, m.name),
        )?;
        tx.commit()?;
        applied += 1;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_contiguous_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version,
                i as i64 + 1,
                "migration {} is out of order",
                m.name
            );
        }
    }

    #[test]
    fn running_twice_applies_nothing_the_second_time() {
        let mut c = Connection::open_in_memory().expect("open");
        assert_eq!(run(&mut c).expect("first run"), MIGRATIONS.len());
        assert_eq!(run(&mut c).expect("second run"), 0);
        assert_eq!(current_version(&c).expect("version"), latest_version());
    }

    #[test]
    fn migration_10_allows_interrupted_imports_and_keeps_imports_and_their_issues() {
        let mut c = Connection::open_in_memory().expect("open");
        c.execute_batch("PRAGMA foreign_keys = ON").expect("fk");
        current_version(&c).expect("version table");
        for m in MIGRATIONS.iter().filter(|m| m.version < 10) {
            c.execute_batch(m.sql).expect(m.name);
            c.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                (m.version, m.name),
            )
            .expect("version");
        }
        c.execute_batch(
            "INSERT INTO imports (id, path, size, started_at, status) VALUES
               (1, '/a.jsonl', 10, 100, 'running'), (2, '/b.jsonl', 20, 200, 'done');
             INSERT INTO import_issues (import_id, line, at, reason) VALUES
               (2, 7, 'line 7', 'bad JSON'), (2, 9, 'line 9', 'no icid');",
        )
        .expect("rows before");
        assert!(
            c.execute("UPDATE imports SET status = 'interrupted' WHERE id = 1", [])
                .is_err(),
            "version 9 refuses the new status"
        );
        assert_eq!(run(&mut c).expect("migrate"), MIGRATIONS.len() - 9);
        let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql);
        assert_eq!(count("SELECT count(*) FROM imports"), 2);
        assert_eq!(
            count("SELECT count(*) FROM import_issues WHERE import_id = 2"),
            2
        );
        c.execute("UPDATE imports SET status = 'interrupted' WHERE id = 1", [])
            .expect("the new status is allowed");
        assert!(
            c.execute("UPDATE imports SET status = 'lost' WHERE id = 1", [])
                .is_err(),
            "other statuses are still refused"
        );
        assert_eq!(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'import_issues_by_import'"),
            1
        );
        c.execute("DELETE FROM imports WHERE id = 2", [])
            .expect("delete");
        assert_eq!(
            count("SELECT count(*) FROM import_issues"),
            0,
            "issues still go with their import"
        );
    }

    #[test]
    fn refuses_a_database_from_a_newer_build() {
        let mut c = Connection::open_in_memory().expect("open");
        run(&mut c).expect("run");
        c.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')",
            [],
        )
        .expect("insert");
        assert!(matches!(
            run(&mut c),
            Err(StoreError::TooNew { found: 999, .. })
        ));
    }
}
