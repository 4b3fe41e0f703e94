//! The `settings` table: user preferences as key/value rows.

use maskline_domain::{Language, Settings, Theme};
use rusqlite::{Connection, OptionalExtension};

use crate::StoreError;

fn get_value(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Reads the settings; missing or unknown values fall back to defaults.
pub fn get(conn: &Connection) -> Result<Settings, StoreError> {
    let language = get_value(conn, "language")?.and_then(|v| Language::parse(&v));
    let theme = get_value(conn, "theme")?.and_then(|v| Theme::parse(&v));
    Ok(Settings {
        language: language.unwrap_or_default(),
        theme: theme.unwrap_or_default(),
    })
}

/// Saves all settings in one transaction.
pub fn set(conn: &mut Connection, settings: &Settings) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?;
        stmt.execute(("language", settings.language.as_str()))?;
        stmt.execute(("theme", settings.theme.as_str()))?;
    }
    tx.commit()?;
    Ok(())
}
