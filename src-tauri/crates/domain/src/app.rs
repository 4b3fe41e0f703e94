//! App-level status types shown by the shell (about box, database recovery screen).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Facts for the About card and support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    /// The OS language, e.g. `zh-CN` or `en-US`; empty when unknown.
    pub os_locale: String,
}

/// Whether the local database is usable, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum DbStatus {
    /// Open and healthy.
    Ok,
    /// The file is damaged; the UI shows the recovery screen (restore a backup or start fresh).
    #[serde(rename_all = "camelCase")]
    Corrupt {
        path: String,
        reason: crate::Text,
        backup_available: bool,
        /// UTC time of the newest verified backup, RFC 3339.
        backup_created_at: Option<String>,
    },
    /// The file could not be used for a reason that is not damage (another program holds its
    /// lock, the disk is full, the path is a folder, no permission, a newer Maskline made it).
    /// Replacing the database would not help: the UI says what happened and offers to try again.
    #[serde(rename_all = "camelCase")]
    Unavailable {
        path: String,
        reason: crate::Text,
        problem: DbProblem,
    },
}

/// Why a database that is not damaged could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DbProblem {
    /// Another program holds the database's lock.
    Locked,
    /// The disk holding the database is full.
    DiskFull,
    /// The database path is a folder.
    NotAFile,
    /// The file was written by a newer Maskline.
    TooNew,
    /// Anything else (permissions, I/O); the reason says what.
    Other,
}

/// The ways out of the recovery screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecoverAction {
    /// Replace the damaged file with the newest verified backup.
    RestoreBackup,
    /// Move the damaged file aside and create an empty database.
    StartFresh,
    /// Open the database again, unchanged (after the cause of an unavailable database is fixed).
    Retry,
}
