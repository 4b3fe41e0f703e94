//! The `settings` table: user preferences as key/value rows.

use maskline_domain::{Language, Settings, Theme, WatchFolderSettings};
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
    put_all(
        conn,
        &[
            ("language", settings.language.as_str()),
            ("theme", settings.theme.as_str()),
        ],
    )
}

/// Writes `pairs` (key, value) in one transaction.
fn put_all(conn: &mut Connection, pairs: &[(&str, &str)]) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?;
        for pair in pairs {
            stmt.execute(*pair)?;
        }
    }
    tx.commit()?;
    Ok(())
}

const WATCH_ENABLED: &str = "import.watch_enabled";
const WATCH_FOLDER: &str = "import.watch_folder";

/// The watch folder setting; off with no folder when unset.
pub fn get_watch_folder(conn: &Connection) -> Result<WatchFolderSettings, StoreError> {
    Ok(WatchFolderSettings {
        enabled: get_value(conn, WATCH_ENABLED)?.is_some_and(|v| v == "true"),
        folder: get_value(conn, WATCH_FOLDER)?.filter(|v| !v.is_empty()),
    })
}

/// Saves the watch folder setting in one transaction (no folder is stored as empty).
pub fn set_watch_folder(conn: &mut Connection, s: &WatchFolderSettings) -> Result<(), StoreError> {
    put_all(
        conn,
        &[
            (WATCH_ENABLED, if s.enabled { "true" } else { "false" }),
            (WATCH_FOLDER, s.folder.as_deref().unwrap_or("")),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_folder_round_trips_and_defaults_to_off() {
        let db = crate::Db::in_memory().expect("db");
        let mut conn = db.conn().expect("conn");
        assert_eq!(
            get_watch_folder(&conn).expect("get"),
            WatchFolderSettings::default()
        );
        let on = WatchFolderSettings {
            enabled: true,
            folder: Some("/data/cdr 话单".into()),
        };
        set_watch_folder(&mut conn, &on).expect("set");
        assert_eq!(get_watch_folder(&conn).expect("get"), on);
        let off = WatchFolderSettings {
            enabled: false,
            folder: None,
        };
        set_watch_folder(&mut conn, &off).expect("set");
        assert_eq!(get_watch_folder(&conn).expect("get"), off);
        assert_eq!(
            get(&conn).expect("get"),
            Settings::default(),
            "the other settings are untouched"
        );
    }
}
