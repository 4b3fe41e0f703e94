//! The `accounts` table: non-secret connection settings of platform accounts.

use maskline_domain::{AuthScheme, Mode};
use rusqlite::{Connection, OptionalExtension, Row};

use crate::StoreError;

/// A stored account (its key and secret live in the OS keyring, not here).
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub ca_cert_pem: Option<String>,
    pub rate_limit: u32,
    pub is_active: bool,
    pub created_at: String,
}

/// Fields for a new or edited account.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountFields {
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub ca_cert_pem: Option<String>,
    pub rate_limit: u32,
}

const COLUMNS: &str =
    "id, name, mode, auth, base_url, ca_cert_pem, rate_limit, is_active, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AccountRow> {
    let mode: String = r.get(2)?;
    let auth: String = r.get(3)?;
    let bad = |col: usize, v: String| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("unknown value {v:?}").into(),
        )
    };
    Ok(AccountRow {
        id: r.get(0)?,
        name: r.get(1)?,
        mode: Mode::parse(&mode).ok_or_else(|| bad(2, mode.clone()))?,
        auth: AuthScheme::parse(&auth).ok_or_else(|| bad(3, auth.clone()))?,
        base_url: r.get(4)?,
        ca_cert_pem: r.get(5)?,
        rate_limit: r.get(6)?,
        is_active: r.get(7)?,
        created_at: r.get(8)?,
    })
}

/// Inserts an account; the first account becomes the active one.
pub fn insert(conn: &mut Connection, f: &AccountFields) -> Result<AccountRow, StoreError> {
    let tx = conn.transaction()?;
    let none_active: bool = tx.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM accounts WHERE is_active = 1)",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO accounts (name, mode, auth, base_url, ca_cert_pem, rate_limit, is_active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (
            &f.name,
            f.mode.as_str(),
            f.auth.as_str(),
            &f.base_url,
            &f.ca_cert_pem,
            f.rate_limit,
            none_active,
        ),
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    get(conn, id)?.ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

/// Replaces an account's fields.
pub fn update(conn: &Connection, id: i64, f: &AccountFields) -> Result<bool, StoreError> {
    let n = conn.execute(
        "UPDATE accounts SET name = ?2, mode = ?3, auth = ?4, base_url = ?5, ca_cert_pem = ?6,
         rate_limit = ?7 WHERE id = ?1",
        (
            id,
            &f.name,
            f.mode.as_str(),
            f.auth.as_str(),
            &f.base_url,
            &f.ca_cert_pem,
            f.rate_limit,
        ),
    )?;
    Ok(n == 1)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<AccountRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// Finds an account by name, ignoring case.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<AccountRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE name = ?1");
    Ok(conn.query_row(&sql, [name], from_row).optional()?)
}

/// All accounts, by name.
pub fn list(conn: &Connection) -> Result<Vec<AccountRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts ORDER BY name");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Deletes an account; if it was active, the first remaining one becomes active.
pub fn delete(conn: &mut Connection, id: i64) -> Result<bool, StoreError> {
    let tx = conn.transaction()?;
    let n = tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    tx.execute(
        "UPDATE accounts SET is_active = 1 WHERE id = (SELECT id FROM accounts ORDER BY name LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM accounts WHERE is_active = 1)",
        [],
    )?;
    tx.commit()?;
    Ok(n == 1)
}

/// Makes `id` the one active account.
pub fn set_active(conn: &mut Connection, id: i64) -> Result<bool, StoreError> {
    let tx = conn.transaction()?;
    tx.execute("UPDATE accounts SET is_active = 0 WHERE is_active = 1", [])?;
    let n = tx.execute("UPDATE accounts SET is_active = 1 WHERE id = ?1", [id])?;
    if n == 1 {
        tx.commit()?;
    }
    Ok(n == 1)
}

/// Marks an account as created by the demo (removed when the demo is left).
pub fn mark_demo(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    Ok(conn.execute("UPDATE accounts SET is_demo = 1 WHERE id = ?1", [id])? == 1)
}

/// The demo accounts, by name.
pub fn list_demo(conn: &Connection) -> Result<Vec<AccountRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE is_demo = 1 ORDER BY name");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Points an account at another base URL (the demo simulator listens on a new port each start).
pub fn set_base_url(conn: &Connection, id: i64, base_url: &str) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE accounts SET base_url = ?2 WHERE id = ?1",
        (id, base_url),
    )? == 1)
}
