//! Database states that other crates' tests set up on purpose, so that they hold no SQL of
//! their own (compiled with the `test-support` feature only; never in the app or the CLI).

use rusqlite::Connection;

use crate::StoreError;

/// Forgets that migration `version` ran: opening the file then has a migration to apply.
pub fn forget_migration(conn: &Connection, version: i64) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM schema_migrations WHERE version = ?1",
        [version],
    )?;
    Ok(())
}

/// Records migration `version` as applied again (as the process that ran it would).
pub fn record_migration(conn: &Connection, version: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO schema_migrations (version, name) VALUES (?1, 'again')",
        [version],
    )?;
    Ok(())
}

/// Another program writing: creates table `t` and holds an exclusive transaction with a row
/// written in it until [`release`].
pub fn hold_write_lock(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")?;
    Ok(())
}

/// Ends the transaction [`hold_write_lock`] opened, writing nothing.
pub fn release(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("ROLLBACK")?;
    Ok(())
}

/// Rows in the table [`hold_write_lock`] created (an error when the file lacks it).
pub fn rows_of_t(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?)
}
