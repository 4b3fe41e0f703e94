//! Removing what demo mode imported: the calls and call events read from the demo's CDR
//! folder (or carrying a demo app key), their number-search entries and the import log rows.
//! Demo accounts themselves go through `accounts::delete` (numbers, pools, bindings and jobs
//! follow by `ON DELETE CASCADE`). The audit trail is append-only and is not touched.

use rusqlite::{Connection, params_from_iter};

use crate::StoreError;

/// What [`remove_imported`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub calls: u64,
    pub events: u64,
    pub imports: u64,
}

/// Deletes, in one transaction, the calls and events imported from files under `folder`
/// (a path prefix as recorded in `imports.path`) and calls whose app key is in `app_keys`.
pub fn remove_imported(
    conn: &mut Connection,
    folder: &str,
    app_keys: &[&str],
) -> Result<Removed, StoreError> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS demo_imports (id INTEGER PRIMARY KEY);
         DELETE FROM demo_imports;",
    )?;
    tx.execute(
        "INSERT INTO demo_imports (id) SELECT id FROM imports
         WHERE substr(path, 1, length(?1)) = ?1",
        [folder],
    )?;
    let keys = if app_keys.is_empty() {
        "NULL".to_string()
    } else {
        vec!["?"; app_keys.len()].join(", ")
    };
    let demo_calls = format!(
        "SELECT id FROM calls WHERE import_id IN (SELECT id FROM demo_imports)
         OR app_key IN ({keys})"
    );
    // The number-search index is contentless: a row is removed by repeating what was indexed.
    tx.execute(
        &format!(
            "INSERT INTO calls_numbers (calls_numbers, rowid, numbers)
             SELECT 'delete', id, numbers FROM calls WHERE id IN ({demo_calls})"
        ),
        params_from_iter(app_keys),
    )?;
    let calls = tx.execute(
        &format!("DELETE FROM calls WHERE id IN ({demo_calls})"),
        params_from_iter(app_keys),
    )? as u64;
    let events = tx.execute(
        "DELETE FROM call_events WHERE import_id IN (SELECT id FROM demo_imports)",
        [],
    )? as u64;
    let imports = tx.execute(
        "DELETE FROM imports WHERE id IN (SELECT id FROM demo_imports)",
        [],
    )? as u64;
    tx.execute("DELETE FROM demo_imports", [])?;
    tx.commit()?;
    Ok(Removed {
        calls,
        events,
        imports,
    })
}
