//! Embedded, append-only schema migrations tracked in `schema_migrations`.
//!
//! Never edit a released migration: add a new file and a new entry at the end.

use rusqlite::Connection;

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
pub fn run(conn: &mut Connection) -> Result<usize, StoreError> {
    let current = current_version(conn)?;
    if current > latest_version() {
        return Err(StoreError::TooNew {
            found: current,
            known: latest_version(),
        });
    }
    let mut applied = 0;
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let tx = conn.transaction()?;
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
