//! The `pools` table: named groups of an account's X numbers.

use maskline_domain::pools::Pool;
use rusqlite::{Connection, OptionalExtension};

use crate::StoreError;

/// The id of the pool `name` of the account, creating it if needed.
pub fn ensure(conn: &Connection, account_id: i64, name: &str) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO pools (account_id, name) VALUES (?1, ?2) ON CONFLICT (account_id, name) DO NOTHING",
        (account_id, name),
    )?;
    Ok(conn.query_row(
        "SELECT id FROM pools WHERE account_id = ?1 AND name = ?2",
        (account_id, name),
        |r| r.get(0),
    )?)
}

/// The pool `name`, if it exists.
pub fn find(conn: &Connection, account_id: i64, name: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id FROM pools WHERE account_id = ?1 AND name = ?2",
            (account_id, name),
            |r| r.get(0),
        )
        .optional()?)
}

/// The account's pools with their sizes, by name.
pub fn list(conn: &Connection, account_id: i64) -> Result<Vec<Pool>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.account_id, p.name, COUNT(n.id) FROM pools p
         LEFT JOIN numbers n ON n.pool_id = p.id
         WHERE p.account_id = ?1 GROUP BY p.id ORDER BY p.name",
    )?;
    let rows = stmt
        .query_map([account_id], |r| {
            Ok(Pool {
                id: r.get(0)?,
                account_id: r.get(1)?,
                name: r.get(2)?,
                numbers: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Puts numbers into a pool (`None` = out of any pool); returns how many moved.
pub fn assign(
    conn: &mut Connection,
    account_id: i64,
    numbers: &[String],
    pool_id: Option<i64>,
) -> Result<usize, StoreError> {
    let tx = conn.transaction()?;
    let mut n = 0;
    {
        let mut stmt = tx.prepare_cached(
            "UPDATE numbers SET pool_id = ?3 WHERE account_id = ?1 AND number = ?2",
        )?;
        for num in numbers {
            n += stmt.execute((account_id, num, pool_id))?;
        }
    }
    tx.commit()?;
    Ok(n)
}

/// Deletes a pool; its numbers stay, outside any pool.
pub fn delete(conn: &Connection, account_id: i64, name: &str) -> Result<bool, StoreError> {
    let n = conn.execute(
        "DELETE FROM pools WHERE account_id = ?1 AND name = ?2",
        (account_id, name),
    )?;
    Ok(n == 1)
}
